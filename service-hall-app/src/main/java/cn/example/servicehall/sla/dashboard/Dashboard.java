package cn.example.servicehall.sla.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.CaseServices;
import cn.example.servicehall.intake.ServiceType;
import cn.example.servicehall.sla.CaseSpans;
import cn.example.servicehall.sla.SlaClock;
import cn.example.servicehall.sla.SlaLimits;
import cn.example.servicehall.sla.dashboard.DashboardFigures.AgencyClocks;
import cn.example.servicehall.sla.dashboard.DashboardFigures.BundleFigures;
import cn.example.servicehall.sla.dashboard.DashboardFigures.Cases;
import cn.example.servicehall.sla.dashboard.DashboardFigures.Live;
import cn.example.servicehall.sla.dashboard.DashboardFigures.ServiceCases;
import cn.example.servicehall.sla.dashboard.DashboardFigures.VariantCases;
import cn.example.servicehall.sla.dashboard.DashboardFigures.LiveClock;
import cn.example.servicehall.sla.dashboard.DashboardFigures.Share;
import cn.example.servicehall.sla.dashboard.DashboardFigures.Stage;
import cn.example.servicehall.sla.dashboard.DashboardFigures.Week;

/**
 * 管理看板: the figures of the managers' dashboard, read from the rollups the database keeps (sla_case_day,
 * sla_stage_day, sla_stage_histogram; see the migration V2026_11_25_04), so that a year of a million cases is read as
 * twelve months of counts. The live list is read from the running clocks themselves.
 * <p>
 * Percentiles are {@code percentile_disc}'s: the first turnaround at or above the share asked, of the clocks stopped
 * in the period, counted in the tenth of the clock's unit it ended in (rounded up). So they are exact at 0.1 working
 * hour, 0.1 working day or 0.1 day, and equal what {@code percentile_disc} gives over the raw clocks at that
 * resolution.
 */
@Service
public class Dashboard {

	/** How many running clocks the live list shows. */
	public static final int LIVE_LIST_SIZE = 100;

	private final JdbcClient jdbc;

	private final SlaLimits limits;

	private final Clock clock;

	private final CaseServices services;

	private final CaseSpans spans;

	Dashboard(JdbcClient jdbc, SlaLimits limits, CaseSpans spans, Clock clock, CaseServices services) {
		this.spans = spans;
		this.services = services;
		this.jdbc = jdbc;
		this.limits = limits;
		this.clock = clock;
	}

	/** The figures for a query, as of now. */
	@Transactional(readOnly = true)
	public DashboardFigures figures(DashboardQuery query) {
		long started = System.nanoTime();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Map<String, Definition> definitions = definitions(query.agency());
		Filter filter = new Filter(query, definitions.keySet());

		Map<String, Map<String, Cases>> byVariant = casesByVariant(filter);
		Map<String, Cases> byService = new TreeMap<>();
		byVariant.forEach((service, variants) -> byService.put(service, sum(variants.values())));
		Cases cases = sum(byService.values());
		List<ServiceCases> services = services(byVariant, byService);
		List<Stage> stages = stages(filter, definitions);
		Share withinLimit = new Share(stages.stream().mapToLong(Stage::met).sum(),
				stages.stream().mapToLong(Stage::clocks).sum());
		List<Week> weeks = weeks(filter);
		Live live = live(query, now);
		List<BundleFigures> bundles = bundles(filter, byVariant.getOrDefault(ServiceType.BUNDLE.name(), Map.of()), stages);
		return new DashboardFigures(query, now, cases, byService, services, stages, withinLimit, weeks, live, bundles,
				(System.nanoTime() - started) / 1_000_000);
	}

	// ------------------------------------------------------------------------------------------------------------

	/** A stage as last configured. */
	private record Definition(String id, String name, String kind, Agency agency, String unit, int limit) {
	}

	/** The query as SQL conditions and their parameters. */
	private static final class Filter {

		final Map<String, Object> params = new HashMap<>();

		final String branch;

		final String definitions;

		final boolean nothing;

		Filter(DashboardQuery query, java.util.Set<String> definitionIds) {
			this.params.put("from", query.from());
			this.params.put("to", query.to());
			this.branch = query.branch().map(b -> {
				this.params.put("branch", b);
				return " and branch = :branch";
			}).orElse("");
			if (query.agency().isPresent()) {
				this.params.put("definitions", definitionIds.isEmpty() ? List.of("-") : List.copyOf(definitionIds));
				this.definitions = " and definition_id in (:definitions)";
			}
			else {
				this.definitions = "";
			}
			this.nothing = query.agency().isPresent() && definitionIds.isEmpty();
		}

	}

	private Map<String, Definition> definitions(Optional<Agency> agency) {
		Map<String, Definition> all = new LinkedHashMap<>();
		this.jdbc.sql("select * from sla_definition")
			.query((rs, row) -> new Definition(rs.getString("definition_id"), rs.getString("name"), rs.getString("kind"),
					Agency.valueOf(rs.getString("agency")), rs.getString("unit"), rs.getInt("limit_amount")))
			.list()
			.stream()
			.filter(d -> agency.isEmpty() || agency.get() == d.agency())
			.sorted(Comparator.comparingInt(this::position).thenComparing(Definition::id))
			.forEach(d -> all.put(d.id(), d));
		return all;
	}

	/** Spans first, then steps, each in the order configured; stages no longer configured last. */
	private int position(Definition definition) {
		int i = 0;
		for (SlaLimits.Span span : this.spans.all()) {
			if (span.id().equals(definition.id())) {
				return i;
			}
			i++;
		}
		for (String step : this.limits.steps().keySet()) {
			if (("step:" + step).equals(definition.id())) {
				return i;
			}
			i++;
		}
		return i + ("SPAN".equals(definition.kind()) ? 0 : 1000);
	}

	/** Per service and variant ('' for none). */
	private Map<String, Map<String, Cases>> casesByVariant(Filter filter) {
		Map<String, Map<String, Cases>> byVariant = new TreeMap<>();
		this.jdbc.sql("""
				select service_type, service_variant, sum(cases_in) as cases_in, sum(online_in) as online_in,
				       sum(cases_out) as cases_out, sum(completed) as completed,
				       sum(completed_one_visit) as completed_one_visit
				  from sla_case_day
				 where day between :from and :to""" + filter.branch + "\n" + """
				 group by service_type, service_variant""")
			.params(filter.params)
			.query((rs, row) -> byVariant.computeIfAbsent(rs.getString("service_type"), s -> new TreeMap<>())
				.put(rs.getString("service_variant"), new Cases(rs.getLong("cases_in"), rs.getLong("online_in"),
						rs.getLong("cases_out"), rs.getLong("completed"), rs.getLong("completed_one_visit"))))
			.list();
		return byVariant;
	}

	private static Cases sum(java.util.Collection<Cases> cases) {
		return cases.stream()
			.reduce(new Cases(0, 0, 0, 0, 0), (a, b) -> new Cases(a.in() + b.in(), a.online() + b.online(),
					a.out() + b.out(), a.completed() + b.completed(), a.completedOneVisit() + b.completedOneVisit()));
	}

	/**
	 * Each service named, by code, with its variants that had cases in the service's order (those it does not know
	 * last, by code), named by the service, in the language of the request.
	 */
	private List<ServiceCases> services(Map<String, Map<String, Cases>> byVariant, Map<String, Cases> byService) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ServiceCases> services = new ArrayList<>();
		byService.forEach((code, total) -> {
			ServiceType type = ServiceType.valueOf(code);
			List<String> order = this.services.variantsOf(type);
			List<VariantCases> variants = byVariant.get(code)
				.entrySet()
				.stream()
				.filter(v -> !v.getKey().isEmpty())
				.sorted(Comparator.comparingInt((Map.Entry<String, Cases> v) -> order.contains(v.getKey())
						? order.indexOf(v.getKey()) : order.size()).thenComparing(Map.Entry::getKey))
				.map(v -> new VariantCases(v.getKey(), this.services.variantName(type, v.getKey(), locale), v.getValue()))
				.toList();
			services.add(new ServiceCases(code, this.services.displayName(type, locale), total, variants));
		});
		return services;
	}

	private List<Stage> stages(Filter filter, Map<String, Definition> definitions) {
		if (filter.nothing) {
			return List.of();
		}
		Map<String, long[]> counts = new HashMap<>();
		this.jdbc.sql("""
				select definition_id, sum(clocks) as clocks, sum(met) as met
				  from sla_stage_day
				 where day between :from and :to""" + filter.branch + filter.definitions + "\n" + """
				 group by definition_id""")
			.params(filter.params)
			.query((rs, row) -> counts.put(rs.getString("definition_id"),
					new long[] { rs.getLong("clocks"), rs.getLong("met") }))
			.list();
		Map<String, TreeMap<Integer, Long>> histograms = histograms(filter);

		List<Stage> stages = new ArrayList<>();
		for (Definition d : definitions.values()) {
			long[] count = counts.get(d.id());
			if (count == null || count[0] == 0) {
				continue;
			}
			TreeMap<Integer, Long> histogram = histograms.getOrDefault(d.id(), new TreeMap<>());
			stages.add(new Stage(d.id(), d.name(), d.kind(), d.agency(), reportedIn(d.unit()), d.limit(), d.unit(),
					count[0], count[1], percentile(histogram, 0.5), percentile(histogram, 0.9)));
		}
		// clocks of stages no longer defined (should not happen: every clock's start defines its stage)
		counts.keySet()
			.stream()
			.filter(id -> !definitions.containsKey(id))
			.sorted()
			.forEach(id -> stages.add(new Stage(id, id, "STEP", Agency.HPF, "WORKING_HOURS", 0, "WORKING_HOURS",
					counts.get(id)[0], counts.get(id)[1], percentile(histograms.getOrDefault(id, new TreeMap<>()), 0.5),
					percentile(histograms.getOrDefault(id, new TreeMap<>()), 0.9))));
		return stages;
	}

	/**
	 * 一件事: each bundle with a span of its own (one that may be applied for) and each with cases in the period,
	 * in the catalogue's order: its cases from the rollup (a case once, whatever its parts), its span's turnaround
	 * from the stages, and its cases' step clocks per agency, read from the clocks of bundle cases only.
	 */
	private List<BundleFigures> bundles(Filter filter, Map<String, Cases> byBundle, List<Stage> stages) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Integer> limits = new LinkedHashMap<>();
		Map<String, String> spanOf = new HashMap<>();
		for (SlaLimits.Span span : this.spans.all()) {
			if (span.services().equals(List.of(ServiceType.BUNDLE)) && span.variants().size() == 1) {
				limits.put(span.variants().get(0), span.limit());
				spanOf.put(span.variants().get(0), span.id());
			}
		}
		byBundle.keySet().stream().filter(code -> !code.isEmpty()).sorted().forEach(code -> limits.putIfAbsent(code, 0));
		if (limits.isEmpty()) {
			return List.of();
		}
		Map<String, List<AgencyClocks>> agencies = new HashMap<>();
		if (!filter.nothing) {
			String branch = filter.branch.isEmpty() ? "" : " and c.branch = :branch";
			String definitions = filter.definitions.isEmpty() ? "" : " and c.definition_id in (:definitions)";
			this.jdbc.sql("""
					select i.service_variant, c.agency, count(*) as clocks, count(*) filter (where c.outcome = 'MET') as met
					  from intake_case i join sla_clock c on c.case_no = i.case_no
					 where i.service_type = 'BUNDLE' and c.kind = 'STEP' and c.outcome in ('MET', 'BREACHED')
					   and sla_local_day(c.stopped_at) between :from and :to""" + branch + definitions + "\n" + """
					 group by 1, 2 order by 1, 2""")
				.params(filter.params)
				.query((rs, row) -> agencies.computeIfAbsent(rs.getString(1), v -> new ArrayList<>())
					.add(new AgencyClocks(Agency.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4))))
				.list();
		}
		List<BundleFigures> bundles = new ArrayList<>();
		limits.forEach((code, limit) -> bundles.add(new BundleFigures(code,
				this.services.variantName(ServiceType.BUNDLE, code, locale), limit,
				byBundle.getOrDefault(code, new Cases(0, 0, 0, 0, 0)),
				stages.stream().filter(s -> s.definitionId().equals(spanOf.get(code))).findFirst(),
				agencies.getOrDefault(code, List.of()))));
		return bundles;
	}

	/** Working minutes and hours are reported in working hours; days in their own kind of day. */
	static String reportedIn(String unit) {
		return switch (unit) {
			case "WORKING_DAYS" -> "WORKING_DAYS";
			case "CALENDAR_DAYS" -> "CALENDAR_DAYS";
			default -> "WORKING_HOURS";
		};
	}

	/**
	 * The counts by bucket of each stage over the period: whole months from the monthly rows, the days before the
	 * first and after the last whole month from the daily rows.
	 */
	private Map<String, TreeMap<Integer, Long>> histograms(Filter filter) {
		LocalDate from = (LocalDate) filter.params.get("from");
		LocalDate to = (LocalDate) filter.params.get("to");
		LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate lastWholeEnd = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) ? to
				: to.withDayOfMonth(1).minusDays(1);
		Map<String, Object> params = new HashMap<>(filter.params);
		if (!firstWhole.isAfter(lastWholeEnd)) {
			params.put("m1", firstWhole);
			params.put("m2", lastWholeEnd.withDayOfMonth(1));
			params.put("d1", firstWhole.minusDays(1));
			params.put("d2", lastWholeEnd.plusDays(1));
		}
		else {
			params.put("m1", to.plusDays(1));
			params.put("m2", from.minusDays(1));
			params.put("d1", to);
			params.put("d2", to.plusDays(1));
		}
		Map<String, TreeMap<Integer, Long>> histograms = new HashMap<>();
		this.jdbc.sql("""
				select definition_id, bucket, sum(clocks) as clocks
				  from sla_stage_histogram
				 where ((grain = 'M' and period between :m1 and :m2)
				        or (grain = 'D' and (period between :from and :d1 or period between :d2 and :to)))"""
				+ filter.branch + filter.definitions + "\n" + """
				 group by definition_id, bucket""")
			.params(params)
			.query((rs, row) -> histograms.computeIfAbsent(rs.getString("definition_id"), id -> new TreeMap<>())
				.merge(rs.getInt("bucket"), rs.getLong("clocks"), Long::sum))
			.list();
		return histograms;
	}

	/**
	 * {@code percentile_disc(p)}: the first bucket at whose position the share of clocks reaches p, the position
	 * being {@code ceil(p × n)} as PostgreSQL computes it; in tenths of the unit.
	 */
	static Optional<BigDecimal> percentile(TreeMap<Integer, Long> histogram, double p) {
		long n = histogram.values().stream().mapToLong(Long::longValue).sum();
		if (n == 0) {
			return Optional.empty();
		}
		long position = Math.max(1, (long) Math.ceil(p * (double) n));
		long seen = 0;
		for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
			seen += bucket.getValue();
			if (seen >= position) {
				return Optional.of(BigDecimal.valueOf(bucket.getKey(), 1));
			}
		}
		throw new IllegalStateException("position " + position + " past " + n);
	}

	private List<Week> weeks(Filter filter) {
		Map<LocalDate, long[]> weeks = new TreeMap<>();
		LocalDate firstMonday = ((LocalDate) filter.params.get("from")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate to = (LocalDate) filter.params.get("to");
		for (LocalDate monday = firstMonday; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
			weeks.put(monday, new long[5]);
		}
		this.jdbc.sql("""
				select date_trunc('week', day)::date as monday, sum(cases_in) as cases_in, sum(online_in) as online_in,
				       sum(cases_out) as cases_out
				  from sla_case_day
				 where day between :from and :to""" + filter.branch + "\n" + """
				 group by 1""")
			.params(filter.params)
			.query((rs, row) -> {
				long[] week = weeks.get(rs.getObject("monday", LocalDate.class));
				week[0] = rs.getLong("cases_in");
				week[1] = rs.getLong("online_in");
				week[2] = rs.getLong("cases_out");
				return week;
			})
			.list();
		if (!filter.nothing) {
			this.jdbc.sql("""
					select date_trunc('week', day)::date as monday, sum(clocks) as clocks, sum(met) as met
					  from sla_stage_day
					 where day between :from and :to""" + filter.branch + filter.definitions + "\n" + """
					 group by 1""")
				.params(filter.params)
				.query((rs, row) -> {
					long[] week = weeks.get(rs.getObject("monday", LocalDate.class));
					week[3] = rs.getLong("clocks");
					week[4] = rs.getLong("met");
					return week;
				})
				.list();
		}
		return weeks.entrySet()
			.stream()
			.map(w -> new Week(w.getKey(), w.getValue()[0], w.getValue()[1], w.getValue()[2], w.getValue()[3],
					w.getValue()[4]))
			.toList();
	}

	private Live live(DashboardQuery query, OffsetDateTime now) {
		Map<String, Object> params = new HashMap<>();
		params.put("now", now);
		StringBuilder where = new StringBuilder(
				" where stopped_at is null and not paused and not excluded and yellow_at <= :now");
		query.branch().ifPresent(b -> {
			params.put("branch", b);
			where.append(" and branch = :branch");
		});
		query.agency().ifPresent(a -> {
			params.put("agency", a.name());
			where.append(" and agency = :agency");
		});
		long[] counts = this.jdbc.sql("select count(*) filter (where due_at > :now) as yellow, "
				+ "count(*) filter (where due_at <= :now) as red from sla_clock" + where)
			.params(params)
			.query((rs, row) -> new long[] { rs.getLong("yellow"), rs.getLong("red") })
			.single();
		params.put("size", LIVE_LIST_SIZE);
		List<LiveClock> clocks = this.jdbc
			.sql("select case_no, name, agency, branch, started_at, due_at from sla_clock" + where
					+ " order by due_at, id limit :size")
			.params(params)
			.query((rs, row) -> {
				OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
				return new LiveClock(rs.getString("case_no"), rs.getString("name"), Agency.valueOf(rs.getString("agency")),
						rs.getString("branch"), rs.getObject("started_at", OffsetDateTime.class), due,
						due.isAfter(now) ? SlaClock.Colour.YELLOW : SlaClock.Colour.RED);
			})
			.list();
		return new Live(counts[0], counts[1], clocks);
	}

}
