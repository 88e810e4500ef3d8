package cn.example.servicehall.sla.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.sla.SlaClock;

/**
 * What the managers' dashboard shows for a query.
 *
 * @param query what was asked
 * @param asOf when the figures were read
 * @param cases cases in and out of the period
 * @param casesByService the same per service (二手房贷款, 提取…)
 * @param services the same per service, named, each with its variants (a withdrawal's types) named under it
 * @param stages turnaround per stage (a step of an agency, or a span of the case)
 * @param withinLimit of all clocks stopped in the period (of the agency, if asked), the share within their limits
 * @param weeks the weekly trend, by the Monday of each week that overlaps the period
 * @param live the clocks running now that are yellow or red
 * @param bundles each bundle (一件事) that may be applied for or had cases: its cases, its own clock, its agencies' clocks
 * @param millis how long the database took, in milliseconds
 */
public record DashboardFigures(DashboardQuery query, OffsetDateTime asOf, Cases cases, Map<String, Cases> casesByService,
		List<ServiceCases> services, List<Stage> stages, Share withinLimit, List<Week> weeks, Live live,
		List<BundleFigures> bundles, long millis) {

	/**
	 * A bundle's figures of the period, as a bundle: a case counts once however many parts it has, and once for the
	 * one-visit rate when the citizen came once for all of them.
	 * @param code the catalogue's code ({@code RETIREMENT})
	 * @param name its name (退休一件事)
	 * @param limitWorkingDays its time limit in working days, from acceptance to the last part done (0: no longer
	 * offered, its cases still counted)
	 * @param cases its cases in and out
	 * @param turnaround its own clock (acceptance to completion): stopped in the period, median and p90 in working
	 * days; none when the manager asked for another agency than the fund centre
	 * @param agencies the steps' clocks of its cases stopped in the period, per agency that did them
	 */
	public record BundleFigures(String code, String name, int limitWorkingDays, Cases cases, Optional<Stage> turnaround,
			List<AgencyClocks> agencies) {
	}

	/**
	 * The step clocks of an agency on a bundle's cases.
	 * @param agency whose
	 * @param clocks how many stopped in the period
	 * @param met how many within their limit
	 */
	public record AgencyClocks(Agency agency, long clocks, long met) {

		@JsonProperty
		public Share withinLimit() {
			return new Share(this.met, this.clocks);
		}

	}

	/** A count out of a total, with the share in per cent to one decimal (half up); none of nothing. */
	public record Share(long count, long total) {

		@JsonProperty
		public Optional<BigDecimal> percent() {
			return percentOf(this.count, this.total);
		}

	}

	/**
	 * Cases of the period.
	 * @param in submitted (收件)
	 * @param online of those, submitted online (网上办理, 离柜)
	 * @param out closed (办结, 不予办理 or 撤回)
	 * @param completed of those, completed (办结)
	 * @param completedOneVisit of those, with at most one visit to a counter (最多跑一次)
	 */
	public record Cases(long in, long online, long out, long completed, long completedOneVisit) {

		/** 离柜率: the share of cases in submitted online. */
		@JsonProperty
		public Share onlineShare() {
			return new Share(this.online, this.in);
		}

		/** 一次办结率: the share of completed cases with at most one visit. */
		@JsonProperty
		public Share oneVisitRate() {
			return new Share(this.completedOneVisit, this.completed);
		}

	}

	/**
	 * A service's cases of the period, and those of each of its variants that had any.
	 * @param service its code ({@code WITHDRAWAL})
	 * @param name its name on pages (住房公积金提取)
	 * @param cases its cases, all variants together
	 * @param variants per variant, in the service's order (离休、退休提取, 租房提取 …); none for a service without
	 */
	public record ServiceCases(String service, String name, Cases cases, List<VariantCases> variants) {
	}

	/**
	 * A variant's cases of the period.
	 * @param variant its code ({@code RETIREMENT})
	 * @param name its name as the service gives it (离休、退休提取)
	 * @param cases its cases
	 */
	public record VariantCases(String variant, String name, Cases cases) {
	}

	/**
	 * A stage's turnaround: its clocks stopped in the period, met or breached.
	 * @param definitionId {@code step:Task_ReviewCredit}, or a span's id
	 * @param name 银行信贷审查, 审批至放款（不含抵押登记）…
	 * @param kind STEP or SPAN
	 * @param agency whose clock
	 * @param unit what turnaround is given in: WORKING_HOURS, WORKING_DAYS or CALENDAR_DAYS
	 * @param limit its limit as configured, e.g. 5 WORKING_DAYS (limitUnit)
	 * @param limitUnit the limit's unit as configured
	 * @param clocks how many stopped
	 * @param met how many within their limit
	 * @param median the median turnaround in {@code unit}, to 0.1 (the tenth it ended in)
	 * @param p90 the 90th percentile, likewise
	 */
	public record Stage(String definitionId, String name, String kind, Agency agency, String unit, int limit,
			String limitUnit, long clocks, long met, Optional<BigDecimal> median, Optional<BigDecimal> p90) {

		@JsonProperty
		public Share withinLimit() {
			return new Share(this.met, this.clocks);
		}

	}

	/** A week of the trend (days outside the period not counted). */
	public record Week(LocalDate monday, long casesIn, long online, long casesOut, long clocks, long met) {

		@JsonProperty
		public Share withinLimit() {
			return new Share(this.met, this.clocks);
		}

		@JsonProperty
		public Share onlineShare() {
			return new Share(this.online, this.casesIn);
		}

	}

	/**
	 * The clocks running now past 80 % of their limit: how many of each colour, and the most urgent of them.
	 * @param yellow how many yellow (即将到期)
	 * @param red how many red (已超时)
	 * @param clocks the first {@link Dashboard#LIVE_LIST_SIZE}, red first, by due time
	 */
	public record Live(long yellow, long red, List<LiveClock> clocks) {
	}

	/** A running clock on the live list. */
	public record LiveClock(String caseNo, String name, Agency agency, String branch, OffsetDateTime startedAt,
			OffsetDateTime dueAt, SlaClock.Colour colour) {
	}

	static Optional<BigDecimal> percentOf(long count, long total) {
		if (total == 0) {
			return Optional.empty();
		}
		return Optional.of(BigDecimal.valueOf(count)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP));
	}

}
