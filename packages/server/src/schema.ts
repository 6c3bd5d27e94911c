import type { AdminUnitTables } from './admin-units/admin-units.tables';
import type { AssistantTables } from './assistant/assistant.tables';
import type { AuditTables } from './audit/audit.tables';
import type { CalendarTables } from './calendar/calendar.tables';
import type { CatalogTables } from './catalog/catalog.tables';
import type { DossierTables } from './dossiers/dossiers.tables';
import type { FeedbackTables } from './feedback/feedback.tables';
import type { FilesTables } from './files/files.tables';
import type { IdempotencyTables } from './http/idempotency.tables';
import type { AccountTables } from './identity/account.tables';
import type { IdentityTables } from './identity/identity.tables';
import type { StaffTables } from './identity/staff.tables';
import type { VneidTables } from './identity/vneid/vneid.tables';
import type { NotificationTables } from './notifications/notifications.tables';
import type { PaymentTables } from './payments/payments.tables';
import type { PortalSyncTables } from './portal-sync/portal-sync.tables';
import type { PostalTables } from './postal/postal.tables';
import type { PrivacyTables } from './privacy/privacy.tables';
import type { RegistryTables } from './registry/registry.tables';
import type { ReportTables } from './reports/reports.tables';
import type { ResultTables } from './results/results.tables';
import type { SigningTables } from './signing/signing.tables';

/**
 * The whole database as Kysely sees it: each capability declares its own tables, and they meet here.
 * `db/` declares `Database` and imports nothing above it; this merges every capability's tables
 * into that declaration, so `Kysely<Database>` anywhere knows every table.
 */
declare module './db/schema' {
  interface Database
    extends AccountTables,
      AdminUnitTables,
      AssistantTables,
      AuditTables,
      CalendarTables,
      CatalogTables,
      DossierTables,
      FeedbackTables,
      FilesTables,
      IdempotencyTables,
      IdentityTables,
      NotificationTables,
      PaymentTables,
      PortalSyncTables,
      PostalTables,
      PrivacyTables,
      RegistryTables,
      ReportTables,
      ResultTables,
      SigningTables,
      StaffTables,
      VneidTables {}
}
