-- The report's counts read outside the aggregates stay bounded by the period (issue 17, Scale): the
-- dossiers published on the national portal are found from their first state message (seq 1, queued
-- with the filing), and the interlinked groups' filings from the few dossiers that belong to a group.
-- Both indexes are partial, so a filing pays for them only when it is one of those rows.
create index portal_sync_message_first on portal_sync_message (province_code, created_at) where seq = 1;
create index dossier_group_submitted on dossier (province_code, submitted_at) where group_code is not null;
