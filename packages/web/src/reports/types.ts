/**
 * The report API's answers as the screens read them, from the contract the server answers with
 * (@dvc/domain/contract): the indicator report, the settings, the public page.
 */

import type { IndicatorReportAnswer } from '@dvc/domain/contract/indicator-report';

export { type Era, type Formula, type Level, RATE_KEYS, type RateKey } from '@dvc/domain/indicator-report';

/** The report as the server answers it: the contract's schema (@dvc/domain/contract/indicator-report). */
export type IndicatorReport = IndicatorReportAnswer;
export type IndicatorRow = IndicatorReport['total'];

/** The public page's and the settings' answers are the contract's (the server answers with the same schemas). */
export type { PublicAnswer as PublicIndicators, PublicFigures, ReportSettings } from '@dvc/domain/contract/reports';
export type { TargetClass } from '@dvc/domain/indicators';
