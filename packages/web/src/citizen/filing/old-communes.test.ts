import assert from 'node:assert/strict';
import { test } from 'node:test';
import { successorOptions } from './old-communes';

test('old commune names lead to the units that took them over, each once, saying the old name', () => {
  const options = successorOptions([
    { code: '21028', fullName: 'Phường Nghĩa Chánh', successors: [{ code: '21025', fullName: 'Phường Cẩm Thành' }] },
    { code: '21031', fullName: 'Phường Trần Phú', successors: [{ code: '21025', fullName: 'Phường Cẩm Thành' }] },
    { code: '99999', fullName: 'Xã Không Còn' },
  ]);
  assert.deepEqual(options, [{ code: '21025', fullName: 'Phường Cẩm Thành', formerName: 'Phường Nghĩa Chánh' }]);
});
