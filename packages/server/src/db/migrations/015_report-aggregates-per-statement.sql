-- Reports (decision 004, 006): new dossiers add to the daily aggregates once per INSERT statement — all
-- the rows it inserted, through a transition table — instead of once per row. A batch of filings then
-- costs one aggregate update and needs no bulk switch. Updates and deletes keep the row trigger.
create function report_daily_apply_inserted() returns trigger language plpgsql as $$
begin
  -- A bulk import sets this for its own transaction and adds its rows with report_daily_add_ids.
  if current_setting('dvc.report_bulk', true) = 'on' then
    return null;
  end if;
  perform report_daily_add_ids(array(select id from inserted));
  return null;
end;
$$;

drop trigger dossier_report_daily on dossier;

create trigger dossier_report_daily after update or delete on dossier
  for each row execute function report_daily_apply();

create trigger dossier_report_daily_inserted after insert on dossier
  referencing new table as inserted
  for each statement execute function report_daily_apply_inserted();
