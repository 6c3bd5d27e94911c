import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPilotDefinition } from '@dvc/domain/procedure-definition/pilot/index';
import { renderToStaticMarkup } from 'react-dom/server';
import type { OutboxItem } from '../../shared/outbox';
import { formRows } from './definition-form';
import { ReviewStep } from './ReviewStep';
import { Submitted } from './Submitted';
import { errorStep } from './wizard-errors';

/** What the citizen reads on the review step and on the confirmation, as the phone draws it. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the review step reads as a person writes: Nữ, 12/05/1990, Bản điện tử, and counts only the files that go', () => {
  const owner = findPilotDefinition('1.001612')!.form.steps.find((s) => s.id === 'chu-ho')!;
  const data = { owner: { fullName: 'Phạm Thị Hoa', sex: 'female', birthDate: '1990-05-12', nationality: 'Việt Nam' } };
  const html = renderToStaticMarkup(
    <ReviewStep
      sections={[{ id: owner.id, title: 'Chủ hộ', rows: formRows(owner.fields, data, 'vi', { unknown: false }) }]}
      meta={{
        unitCode: '21115',
        unitName: 'Xã Trà Bồng',
        delivery: 'electronic',
        files: [
          { key: 'a', componentId: 'don', name: 'don-1.jpg', size: 1, type: 'image/jpeg', fileId: 'f1', state: 'done' },
          { key: 'b', componentId: 'don', name: 'don-2.jpg', size: 1, type: 'image/jpeg', fileId: 'f2', state: 'done' },
          { key: 'c', componentId: 'don', name: 'video.mp4', size: 1, type: 'video/mp4', state: 'Định dạng tệp không được nhận' },
          { key: 'd', componentId: 'cccd', name: 'cccd.jpg', size: 1, type: 'image/jpeg', state: 'waiting' },
        ],
      }}
      papers={[
        { id: 'don', name: 'Giấy đề nghị' },
        { id: 'cccd', name: 'Bản sao căn cước' },
        { id: 'hop-dong', name: 'Hợp đồng thuê nhà' },
      ]}
      whereStep={{ id: 'noi-nop', title: 'Nơi nộp và nhận kết quả' }}
      onEdit={() => undefined}
    />,
  );
  const shown = text(html);
  assert.match(shown, /Giới tính Nữ/);
  assert.match(shown, /Ngày sinh 12\/05\/1990/);
  assert.match(shown, /Xã, phường nơi nộp hồ sơ Xã Trà Bồng/);
  assert.match(shown, /Cách nhận kết quả Bản điện tử/);
  assert.match(shown, /Giấy đề nghị 2 tệp/, 'the refused file is not counted');
  assert.match(shown, /Bản sao căn cước 1 tệp/, 'a file waiting for the network goes with the dossier');
  assert.doesNotMatch(shown, /Hợp đồng thuê nhà/, 'a paper without a file is not listed');
  assert.doesNotMatch(shown, /female|electronic|1990-05-12|tệp đính kèm/);
});

test('the confirmation gives the expected date and what happens next', () => {
  const item = {
    id: '1',
    status: 'sent',
    dossierCode: 'UBND.21115-261201-0001',
    expectedDueAt: '2026-12-04T07:20:00.000Z',
  } as OutboxItem;
  const shown = text(renderToStaticMarkup(<Submitted item={item} />));
  assert.match(shown, /Mã hồ sơ: UBND\.21115-261201-0001/);
  assert.match(shown, /Ngày hẹn trả dự kiến: 14:20 04\/12\/2026/);
  assert.match(shown, /Bước tiếp theo Bộ phận Một cửa kiểm tra và tiếp nhận hồ sơ/);
  const queued = text(renderToStaticMarkup(<Submitted item={{ ...item, status: 'pending', dossierCode: undefined }} />));
  assert.match(queued, /Hồ sơ đang chờ gửi/);
  assert.match(queued, /Bước tiếp theo/);
});

test('moving to a step keeps only the problems of that step: no stale error box', () => {
  const stepOf = (field: string) => (field.startsWith('owner') ? 'chu-ho' : field === 'businessName' ? 'ten' : undefined);
  const errors = ['owner.citizenId', 'businessName', '@files.don', '@unit', ''];
  assert.deepEqual(
    errors.map((f) => errorStep(f, stepOf)),
    ['chu-ho', 'ten', 'giay-to', 'noi-nop', 'xem-lai'],
  );
});
