import type { StepProps } from './fields';
import { CapitalStep, DeliveryStep, LinesStep, LocationStep, MembersStep, NameStep, OwnerStep } from './steps-household';
import {
  ChangesStep,
  ExistingRegistrationStep,
  GenericApplicantStep,
  GenericNoteStep,
  PromotionDatesStep,
  PromotionEnterpriseStep,
  PromotionPrizesStep,
  PromotionProgrammeStep,
  TerminationStep,
  WhereStep,
} from './steps-other';

/** Step id (from the domain's FORM_BY_PROCEDURE, plus the wizard's own) → its screen. */
export function StepBody({
  code,
  stepId,
  p,
  where,
}: {
  code: string;
  stepId: string;
  p: StepProps;
  where?: { unit?: string; delivery?: string };
}) {
  switch (stepId) {
    case 'ten':
      return <NameStep p={p} />;
    case 'dia-diem':
      return <LocationStep p={p} />;
    case 'nganh-nghe':
      return <LinesStep p={p} />;
    case 'von':
      return <CapitalStep p={p} />;
    case 'chu-ho':
      return <OwnerStep p={p} />;
    case 'thanh-vien':
      return <MembersStep p={p} />;
    case 'nhan-ket-qua':
      return <DeliveryStep p={p} />;
    case 'ho-kinh-doanh':
      return <ExistingRegistrationStep p={p} />;
    case 'noi-dung-thay-doi':
      return <ChangesStep p={p} />;
    case 'cham-dut':
      return <TerminationStep p={p} />;
    case 'doanh-nghiep':
      return <PromotionEnterpriseStep p={p} />;
    case 'chuong-trinh':
      return <PromotionProgrammeStep p={p} />;
    case 'giai-thuong':
      return <PromotionPrizesStep p={p} />;
    case 'thoi-gian':
      return <PromotionDatesStep p={p} />;
    case 'nguoi-nop':
      return <GenericApplicantStep p={p} />;
    case 'ghi-chu':
      return <GenericNoteStep p={p} />;
    case 'noi-nop':
      return <WhereStep p={p} errors={where ?? {}} />;
    default:
      return <p className="alert">{`${code}: ${stepId}`}</p>;
  }
}
