-- Reports bounded by their period, not by the length of history (issue 17, Scale): report_monthly
-- holds the same counters as report_daily summed per Vietnam calendar month. A report reads whole
-- months from it and only the partial months at its edges from report_daily, so a report on this
-- month no longer sums every day since the first dossier to count the dossiers carried over.
-- Kept by a row trigger on report_daily, in the same transaction as the daily row's change, however
-- that row was written (the dossier triggers, the bulk import, a repair).
create table report_monthly (
  province_code text not null,
  -- The month's first day.
  month date not null,
  unit_code text not null,
  unit_old_era boolean not null,
  agency_code text not null,
  procedure_code text not null,
  channel text not null,
  received integer not null default 0,
  components_digitized integer not null default 0,
  fee_bearing integer not null default 0,
  paid_online integer not null default 0,
  paid_amount bigint not null default 0,
  apologised integer not null default 0,
  finished integer not null default 0,
  finished_on_time integer not null default 0,
  resolved integer not null default 0,
  result_digitized integer not null default 0,
  result_electronic integer not null default 0,
  digitized_both integer not null default 0,
  withdrawn integer not null default 0,
  overdue_in integer not null default 0,
  overdue_out integer not null default 0,
  primary key (province_code, month, unit_code, unit_old_era, agency_code, procedure_code, channel)
);

insert into report_monthly
select province_code, date_trunc('month', day)::date, unit_code, unit_old_era, agency_code, procedure_code, channel,
  sum(received), sum(components_digitized), sum(fee_bearing), sum(paid_online), sum(paid_amount), sum(apologised),
  sum(finished), sum(finished_on_time), sum(resolved), sum(result_digitized), sum(result_electronic),
  sum(digitized_both), sum(withdrawn), sum(overdue_in), sum(overdue_out)
from report_daily
group by 1, 2, 3, 4, 5, 6, 7;

-- Adds s × a daily row's counters to its month.
create function report_monthly_add(r report_daily, s integer) returns void language sql as $$
  insert into report_monthly as m (province_code, month, unit_code, unit_old_era, agency_code, procedure_code, channel,
    received, components_digitized, fee_bearing, paid_online, paid_amount, apologised, finished, finished_on_time,
    resolved, result_digitized, result_electronic, digitized_both, withdrawn, overdue_in, overdue_out)
  values (r.province_code, date_trunc('month', r.day)::date, r.unit_code, r.unit_old_era, r.agency_code,
    r.procedure_code, r.channel, s * r.received, s * r.components_digitized, s * r.fee_bearing, s * r.paid_online,
    s * r.paid_amount, s * r.apologised, s * r.finished, s * r.finished_on_time, s * r.resolved,
    s * r.result_digitized, s * r.result_electronic, s * r.digitized_both, s * r.withdrawn, s * r.overdue_in,
    s * r.overdue_out)
  on conflict (province_code, month, unit_code, unit_old_era, agency_code, procedure_code, channel) do update set
    received = m.received + excluded.received,
    components_digitized = m.components_digitized + excluded.components_digitized,
    fee_bearing = m.fee_bearing + excluded.fee_bearing,
    paid_online = m.paid_online + excluded.paid_online,
    paid_amount = m.paid_amount + excluded.paid_amount,
    apologised = m.apologised + excluded.apologised,
    finished = m.finished + excluded.finished,
    finished_on_time = m.finished_on_time + excluded.finished_on_time,
    resolved = m.resolved + excluded.resolved,
    result_digitized = m.result_digitized + excluded.result_digitized,
    result_electronic = m.result_electronic + excluded.result_electronic,
    digitized_both = m.digitized_both + excluded.digitized_both,
    withdrawn = m.withdrawn + excluded.withdrawn,
    overdue_in = m.overdue_in + excluded.overdue_in,
    overdue_out = m.overdue_out + excluded.overdue_out
$$;

create function report_monthly_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform report_monthly_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform report_monthly_add(new, 1);
  end if;
  return null;
end
$$;

create trigger report_daily_monthly after insert or update or delete on report_daily
  for each row execute function report_monthly_apply();
