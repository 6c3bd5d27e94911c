-- Reports: daily aggregates of dossiers (kept by a trigger in the same transaction as every write to
-- dossier), procedure groups, the province's online targets, and named phases.

-- Vietnam calendar day of an instant (UTC+7 all year, no daylight saving; no time-zone database needed).
create function report_day(t timestamptz) returns date language sql immutable as $$
  select ((t at time zone 'UTC') + interval '7 hours')::date
$$;

-- One row per Vietnam day × unit × agency × procedure × channel. Counters are flows on that day; the
-- stocks of a period (carried over, in progress, overdue at the end) are sums of flows before a day.
create table report_daily (
  province_code text not null,
  day date not null,
  unit_code text not null,
  -- A unit code means different units in each era: the dossier's unit is read in the era it was filed.
  unit_old_era boolean not null,
  agency_code text not null,
  procedure_code text not null,
  channel text not null,
  -- On the day the dossier was filed (submitted_at):
  received integer not null default 0,
  components_digitized integer not null default 0,
  fee_bearing integer not null default 0,
  paid_online integer not null default 0,
  paid_amount bigint not null default 0,
  apologised integer not null default 0,
  -- On the day it finished (finished_at: resolved, refused or stopped):
  finished integer not null default 0,
  finished_on_time integer not null default 0,
  resolved integer not null default 0,
  result_digitized integer not null default 0,
  result_electronic integer not null default 0,
  digitized_both integer not null default 0,
  -- On the day the citizen's withdrawal was accepted:
  withdrawn integer not null default 0,
  -- Open and late: +1 on the day it became late (due, or reception when > 1 supplement request),
  -- −1 on the day it was closed late. Their sum before a day = dossiers open and late on that day.
  overdue_in integer not null default 0,
  overdue_out integer not null default 0,
  primary key (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel)
);

-- A dossier's contribution to report_daily, as a function of its current row only. The trigger adds
-- (new − old) on every write, so report_daily always equals the sum of contributions of all dossiers
-- (reports.test.ts checks this against an independent recount).
create function report_contributions(d dossier) returns table (
  day date,
  received integer,
  components_digitized integer,
  fee_bearing integer,
  paid_online integer,
  paid_amount bigint,
  apologised integer,
  finished integer,
  finished_on_time integer,
  resolved integer,
  result_digitized integer,
  result_electronic integer,
  digitized_both integer,
  withdrawn integer,
  overdue_in integer,
  overdue_out integer
) language sql immutable as $$
  with x as (
    select
      case when d.supplement_count > 1 then coalesce(d.received_at, d.submitted_at) else d.due_at end as eff_due,
      coalesce(d.finished_at, d.withdrawn_at) as closed_at,
      (d.components_total > 0 and d.components_digitized >= d.components_total) as comp_full,
      d.status in ('resolved', 'returned') as has_result
  )
  select report_day(d.submitted_at), 1, x.comp_full::int, (d.fee_amount > 0)::int, d.paid_online::int,
         case when d.paid_online then d.fee_amount else 0 end, (d.apology_count > 0)::int,
         0, 0, 0, 0, 0, 0, 0, 0, 0
    from x
  union all
  select report_day(d.finished_at), 0, 0, 0, 0, 0, 0,
         1, (d.supplement_count <= 1 and (d.due_at is null or d.finished_at <= d.due_at))::int, x.has_result::int,
         (x.has_result and d.result_digitized)::int, (x.has_result and d.result_electronic)::int,
         (x.comp_full and x.has_result and d.result_digitized)::int, 0, 0, 0
    from x where d.finished_at is not null
  union all
  select report_day(d.withdrawn_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0
    from x where d.withdrawn_at is not null and d.finished_at is null
  union all
  select report_day(x.eff_due), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
    from x where x.eff_due is not null and (x.closed_at is null or x.closed_at > x.eff_due)
  union all
  select report_day(x.closed_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    from x where x.eff_due is not null and x.closed_at is not null and x.closed_at > x.eff_due
$$;

create function report_daily_add(d dossier, s integer) returns void language sql as $$
  insert into report_daily as r (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel,
    received, components_digitized, fee_bearing, paid_online, paid_amount, apologised, finished, finished_on_time,
    resolved, result_digitized, result_electronic, digitized_both, withdrawn, overdue_in, overdue_out)
  select d.province_code, c.day, d.unit_code, report_day(d.submitted_at) < date '2025-07-01', d.agency_code, d.procedure_code, d.channel,
    s * sum(c.received), s * sum(c.components_digitized), s * sum(c.fee_bearing), s * sum(c.paid_online),
    s * sum(c.paid_amount), s * sum(c.apologised), s * sum(c.finished), s * sum(c.finished_on_time),
    s * sum(c.resolved), s * sum(c.result_digitized), s * sum(c.result_electronic), s * sum(c.digitized_both),
    s * sum(c.withdrawn), s * sum(c.overdue_in), s * sum(c.overdue_out)
  from report_contributions(d) c
  group by c.day
  on conflict (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel) do update set
    received = r.received + excluded.received,
    components_digitized = r.components_digitized + excluded.components_digitized,
    fee_bearing = r.fee_bearing + excluded.fee_bearing,
    paid_online = r.paid_online + excluded.paid_online,
    paid_amount = r.paid_amount + excluded.paid_amount,
    apologised = r.apologised + excluded.apologised,
    finished = r.finished + excluded.finished,
    finished_on_time = r.finished_on_time + excluded.finished_on_time,
    resolved = r.resolved + excluded.resolved,
    result_digitized = r.result_digitized + excluded.result_digitized,
    result_electronic = r.result_electronic + excluded.result_electronic,
    digitized_both = r.digitized_both + excluded.digitized_both,
    withdrawn = r.withdrawn + excluded.withdrawn,
    overdue_in = r.overdue_in + excluded.overdue_in,
    overdue_out = r.overdue_out + excluded.overdue_out
$$;

-- The same for many dossiers at once (bulk import): one statement instead of one trigger call per row.
create function report_daily_add_ids(ids uuid[]) returns void language sql as $$
  insert into report_daily as r (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel,
    received, components_digitized, fee_bearing, paid_online, paid_amount, apologised, finished, finished_on_time,
    resolved, result_digitized, result_electronic, digitized_both, withdrawn, overdue_in, overdue_out)
  select d.province_code, c.day, d.unit_code, report_day(d.submitted_at) < date '2025-07-01', d.agency_code, d.procedure_code, d.channel,
    sum(c.received), sum(c.components_digitized), sum(c.fee_bearing), sum(c.paid_online),
    sum(c.paid_amount), sum(c.apologised), sum(c.finished), sum(c.finished_on_time),
    sum(c.resolved), sum(c.result_digitized), sum(c.result_electronic), sum(c.digitized_both),
    sum(c.withdrawn), sum(c.overdue_in), sum(c.overdue_out)
  from dossier d cross join lateral report_contributions(d) c
  where d.id = any(ids)
  group by 1, 2, 3, 4, 5, 6, 7
  on conflict (province_code, day, unit_code, unit_old_era, agency_code, procedure_code, channel) do update set
    received = r.received + excluded.received,
    components_digitized = r.components_digitized + excluded.components_digitized,
    fee_bearing = r.fee_bearing + excluded.fee_bearing,
    paid_online = r.paid_online + excluded.paid_online,
    paid_amount = r.paid_amount + excluded.paid_amount,
    apologised = r.apologised + excluded.apologised,
    finished = r.finished + excluded.finished,
    finished_on_time = r.finished_on_time + excluded.finished_on_time,
    resolved = r.resolved + excluded.resolved,
    result_digitized = r.result_digitized + excluded.result_digitized,
    result_electronic = r.result_electronic + excluded.result_electronic,
    digitized_both = r.digitized_both + excluded.digitized_both,
    withdrawn = r.withdrawn + excluded.withdrawn,
    overdue_in = r.overdue_in + excluded.overdue_in,
    overdue_out = r.overdue_out + excluded.overdue_out
$$;

-- Every write path (services, import, future sync) keeps the aggregates in its own transaction.
-- Writes that change nothing the reports read (a processing step, the assignee, the form) cost nothing.
create function report_daily_apply() returns trigger language plpgsql as $$
begin
  -- A bulk import sets this for its own transaction and adds its rows with report_daily_add_ids.
  if current_setting('dvc.report_bulk', true) = 'on' then
    return null;
  end if;
  if tg_op = 'UPDATE' and (old.province_code, old.unit_code, old.agency_code, old.procedure_code, old.channel,
      old.status, old.submitted_at, old.received_at, old.due_at, old.finished_at, old.withdrawn_at,
      old.supplement_count, old.apology_count, old.fee_amount, old.paid_online, old.components_total,
      old.components_digitized, old.result_digitized, old.result_electronic)
    is not distinct from (new.province_code, new.unit_code, new.agency_code, new.procedure_code, new.channel,
      new.status, new.submitted_at, new.received_at, new.due_at, new.finished_at, new.withdrawn_at,
      new.supplement_count, new.apology_count, new.fee_amount, new.paid_online, new.components_total,
      new.components_digitized, new.result_digitized, new.result_electronic) then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform report_daily_add(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform report_daily_add(new, 1);
  end if;
  return null;
end;
$$;

create trigger dossier_report_daily after insert or update or delete on dossier
  for each row execute function report_daily_apply();

-- Procedure groups the province sets targets for (e.g. the household-business pilot, seeds 000–002).
create table report_procedure_group (
  province_code text not null,
  code text not null,
  name text not null,
  primary key (province_code, code)
);

create table report_procedure_group_member (
  province_code text not null,
  group_code text not null,
  procedure_code text not null,
  primary key (province_code, group_code, procedure_code),
  foreign key (province_code, group_code) references report_procedure_group (province_code, code)
);

-- Online-rate target of a group over [valid_from, valid_to) (valid_to null = until further notice).
create table report_target (
  province_code text not null,
  group_code text not null,
  valid_from date not null,
  valid_to date,
  online_rate numeric(5, 4) not null check (online_rate > 0 and online_rate <= 1),
  legal_basis text not null,
  primary key (province_code, group_code, valid_from),
  foreign key (province_code, group_code) references report_procedure_group (province_code, code)
);

-- Named phases (kỳ báo cáo có tên), inclusive dates as the official text writes them.
create table report_phase (
  province_code text not null,
  code text not null,
  name text not null,
  from_day date not null,
  to_day date not null,
  source text not null,
  primary key (province_code, code),
  check (to_day >= from_day)
);
