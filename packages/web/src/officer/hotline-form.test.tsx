import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPilotDefinition } from '@dvc/domain/procedure-definition/pilot/index';
import { renderToStaticMarkup } from 'react-dom/server';
import { WhereStep } from '../citizen/filing/WhereStep';
import { translate } from '../i18n';
import { applicantBody, formPhonePath } from './intake-applicant';

const fieldsOf = (code: string) => findPilotDefinition(code)!.form.steps.flatMap((s) => s.fields);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the hotline asks the phone once: in the form when it has the owner’s phone, and sends it as the applicant’s', () => {
  assert.equal(formPhonePath(fieldsOf('1.001612')), 'owner.phone');
  assert.equal(formPhonePath(fieldsOf('1.001266')), undefined, 'no person block: the applicant’s own phone field');
  const applicant = { fullName: ' Trần Văn Tư ', phone: '', citizenId: '' };
  assert.deepEqual(applicantBody(applicant, { owner: { phone: '0907111222' } }, 'owner.phone'), {
    fullName: 'Trần Văn Tư',
    phone: '0907111222',
    citizenId: undefined,
  });
  assert.equal(applicantBody({ ...applicant, phone: '0907333444' }, {}, undefined).phone, '0907333444');
});

test('the desk reads how the result comes back in plain terms, not the citizen’s “Bạn muốn…”', () => {
  const t = (key: Parameters<typeof translate>[1]) => translate('vi', key);
  const shown = text(
    renderToStaticMarkup(
      <WhereStep t={t} delivery={{ value: 'post' }} onUnit={() => undefined} onDelivery={() => undefined} errors={{}} desk />,
    ),
  );
  assert.match(shown, /Cách nhận kết quả Bản điện tử Nhận tại Bộ phận Một cửa Gửi qua bưu điện/);
  assert.doesNotMatch(shown, /Bạn|bạn|nhanh nhất|về nhà/);
  const citizen = text(
    renderToStaticMarkup(
      <WhereStep t={t} delivery={{ value: 'post' }} onUnit={() => undefined} onDelivery={() => undefined} errors={{}} />,
    ),
  );
  assert.match(citizen, /Bạn muốn nhận kết quả ở đâu\?/, 'the citizen is still asked');
});
