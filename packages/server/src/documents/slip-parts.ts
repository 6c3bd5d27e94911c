import type { Doc } from './pdf-kit';
import { field } from './pdf-kit';
import type { Applicant, ComponentForm, DeliveryMethod, StepOutcome } from './types';

/** Vietnamese labels of the enumerations, and the applicant lines every slip repeats. */

export const COMPONENT_FORM_LABEL: Record<ComponentForm, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  electronic: 'Bản điện tử',
};

export const DELIVERY_LABEL: Record<DeliveryMethod, string> = {
  counter: 'Trực tiếp tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  electronic: 'Trực tuyến (bản điện tử trên Cổng Dịch vụ công, ứng dụng DVC Quảng Ngãi)',
};

export const OUTCOME_LABEL: Record<StepOutcome, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export function applicantLines(doc: Doc, a: Applicant, label = 'Ông/Bà'): void {
  field(doc, label, a.fullName);
  if (a.address) field(doc, 'Địa chỉ', a.address);
  if (a.phone) field(doc, 'Số điện thoại', a.phone);
  if (a.email) field(doc, 'Email', a.email);
}

/** "01", "02"… as forms print small counts. */
export const count2 = (n: number) => String(n).padStart(2, '0');
