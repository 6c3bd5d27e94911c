import type { AdminUnitTables } from '../admin-units/admin-units.tables';
import type { AuditTables } from '../audit/audit.tables';
import type { CalendarTables } from '../calendar/calendar.tables';
import type { CatalogTables } from '../catalog/catalog.tables';
import type { DossierTables } from '../dossiers/dossiers.tables';
import type { FeedbackTables } from '../feedback/feedback.tables';
import type { FilesTables } from '../files/files.tables';
import type { AccountTables } from '../identity/account.tables';
import type { IdentityTables } from '../identity/identity.tables';
import type { StaffTables } from '../identity/staff.tables';
import type { NotificationTables } from '../notifications/notifications.tables';
import type { RegistryTables } from '../registry/registry.tables';
import type { ReportTables } from '../reports/reports.tables';
import type { ResultTables } from '../results/results.tables';
import type { SigningTables } from '../signing/signing.tables';

/** The whole database as Kysely sees it: each capability declares its own tables. */
export interface Database
  extends AccountTables,
    AdminUnitTables,
    AuditTables,
    CalendarTables,
    CatalogTables,
    DossierTables,
    FeedbackTables,
    FilesTables,
    IdentityTables,
    NotificationTables,
    RegistryTables,
    ReportTables,
    ResultTables,
    SigningTables,
    StaffTables {}
