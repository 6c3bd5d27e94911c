-- Sessions are remembered for a moment by each server (identity/session-cache.ts): a session that
-- ends (logout, an officer deactivated, expired ones cleared) or an account that changes (name,
-- phone, deactivation) is announced on channel dvc_sessions_changed, once per statement, so that
-- every server on the database forgets what it remembered at once (LISTEN, db/notices.ts).
create function notify_sessions_changed() returns trigger language plpgsql as $$
begin
  if exists (select 1 from changed) then
    perform pg_notify('dvc_sessions_changed', '');
  end if;
  return null;
end;
$$;

create trigger session_ended after delete on session
  referencing old table as changed
  for each statement execute function notify_sessions_changed();

create trigger user_account_changed after update on user_account
  referencing new table as changed
  for each statement execute function notify_sessions_changed();
