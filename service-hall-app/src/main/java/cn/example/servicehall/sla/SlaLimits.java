package cn.example.servicehall.sla;

import java.time.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.example.servicehall.intake.Agency;
import cn.example.servicehall.intake.ServiceType;

/**
 * The time limits (时限) the hall is held to, as configuration ({@code servicehall.sla.limits}): one per step (a user
 * task: the agency that does it and how long it may take) and one per span of a case (from one line of its history
 * to another, e.g. approval to disbursement). Each says where it comes from: a statute, a seed report, the centre's
 * own promise.
 *
 * @param yellowPercent the share of a limit used at which a clock turns yellow (80)
 * @param defaultStep the limit of a step not listed
 * @param steps each step's limit, by the entry's name: the step's id in the model ({@code Task_ReviewCredit}) unless
 * the entry names its {@link Step#task}; an entry holds for the processes it lists ({@link Step#processes}), or for
 * every process if it lists none. At most one entry for a step of a process.
 * @param spans the spans of cases
 */
@ConfigurationProperties("servicehall.sla.limits")
public record SlaLimits(@DefaultValue("80") int yellowPercent, Step defaultStep, Map<String, Step> steps,
		List<Span> spans) {

	public SlaLimits {
		if (yellowPercent <= 0 || yellowPercent >= 100) {
			throw new IllegalArgumentException("servicehall.sla.limits.yellow-percent must be between 1 and 99");
		}
		defaultStep = defaultStep != null ? defaultStep : new Step(null, 1, Unit.WORKING_DAYS, "默认：一个工作日", null, null);
		steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps)); // in the order configured
		Map<String, String> entryOfStep = new java.util.HashMap<>();
		steps.forEach((name, step) -> {
			for (String process : step.processes().isEmpty() ? List.of("*") : step.processes()) {
				String earlier = entryOfStep.put(process + " " + step.taskOr(name), name);
				if (earlier != null) {
					throw new IllegalArgumentException("servicehall.sla.limits.steps." + earlier + " and ." + name
							+ " both hold for " + step.taskOr(name) + " of " + ("*".equals(process) ? "every process" : process));
				}
			}
		});
		spans = spans == null ? List.of() : List.copyOf(spans);
		Set<String> ids = new java.util.HashSet<>();
		for (Span span : spans) {
			if (!ids.add(span.id())) {
				throw new IllegalArgumentException("Two spans with the id " + span.id() + " in servicehall.sla.limits");
			}
		}
	}

	/**
	 * The limit of a step of a process: the entry that lists the process, else the entry for the step that lists no
	 * process, else the default.
	 * @param processKey the key of the process definition ({@code ResaleLoanProcess})
	 * @param task the step's id in the model ({@code Task_FirstReview})
	 */
	public StepLimit step(String processKey, String task) {
		StepLimit anyProcess = null;
		boolean otherProcesses = false;
		for (Map.Entry<String, Step> entry : this.steps.entrySet()) {
			Step step = entry.getValue();
			if (!step.taskOr(entry.getKey()).equals(task)) {
				continue;
			}
			if (step.processes().contains(processKey)) {
				return new StepLimit(entry.getKey(), step);
			}
			if (step.processes().isEmpty()) {
				anyProcess = new StepLimit(entry.getKey(), step);
			}
			else {
				otherProcesses = true;
			}
		}
		if (anyProcess != null) {
			return anyProcess;
		}
		// a step with the id of another process's configured step is a stage of its own, not that one
		return new StepLimit(otherProcesses ? processKey + "." + task : task, this.defaultStep);
	}

	/** The limit of the stage {@link StepLimit#id} names: its entry's, or the default. */
	public Step step(String id) {
		return this.steps.getOrDefault(id, this.defaultStep);
	}

	/**
	 * A step's limit and the stage it is counted as.
	 * @param id the stage: the entry's name, or for the default the step's id in the model (prefixed by the process
	 * key when another process's entry has that step id)
	 * @param step the limit
	 */
	public record StepLimit(String id, Step step) {
	}

	/** The spans that a case of {@code service} starts with a history line of {@code action} and {@code status}. */
	public List<Span> spansStartedBy(ServiceType service, String action, String status) {
		return startedBy(this.spans, service, java.util.Optional.empty(), action, status);
	}

	/** Of {@code spans}, those that a case of the service's variant starts with a history line. */
	static List<Span> startedBy(List<Span> spans, ServiceType service, java.util.Optional<String> variant, String action,
			String status) {
		List<Span> started = new ArrayList<>();
		for (Span span : spans) {
			if (span.holdsFor(service, variant) && matches(span.from(), action, status)) {
				started.add(span);
			}
		}
		return started;
	}

	/**
	 * Whether a history line matches a pattern: its action ({@code APPROVAL_DECIDED}), or its action and the status
	 * it left the case in ({@code APPROVAL_DECIDED:APPROVED}: an approval, not a return).
	 */
	public static boolean matches(String pattern, String action, String status) {
		return pattern.equals(action) || pattern.equals(action + ":" + status);
	}

	/** Whether any of the patterns matches. */
	public static boolean matchesAny(List<String> patterns, String action, String status) {
		return patterns.stream().anyMatch(p -> matches(p, action, status));
	}

	/** The span with this id. */
	public java.util.Optional<Span> span(String id) {
		return this.spans.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	/** How a limit is counted. */
	public enum Unit {

		/** 工作分钟: office time on working days. */
		WORKING_MINUTES,
		/** 工作小时. */
		WORKING_HOURS,
		/** 工作日: until the close of office on the n-th working day after the start's day. */
		WORKING_DAYS,
		/** 日 (calendar days, as 《住房公积金管理条例》 counts): until the end of the n-th day after the start's day. */
		CALENDAR_DAYS;

		/** Working time, or calendar time. */
		public boolean isWorkingTime() {
			return this != CALENDAR_DAYS;
		}

		/**
		 * The tenth of the unit that turnaround is reported in (and its percentiles are exact to): 0.1 working hour
		 * for minutes and hours, 0.1 working day for working days, 0.1 day for calendar days.
		 * @param officeDay the office hours of a working day
		 */
		public int resolutionMinutes(Duration officeDay) {
			return switch (this) {
				case WORKING_MINUTES, WORKING_HOURS -> 6;
				case WORKING_DAYS -> (int) Math.max(1, Math.round(officeDay.toMinutes() / 10.0));
				case CALENDAR_DAYS -> 144;
			};
		}

	}

	/**
	 * A step's limit.
	 * @param agency whose step it is (its clock is the agency's); null: the fund centre
	 * @param limit how many units
	 * @param unit the unit
	 * @param source where the limit comes from
	 * @param task the step's id in the model; the entry's name if not given
	 * @param processes the keys of the process definitions whose step it is ({@code ResaleLoanProcess}); none: every
	 * process's step of that id
	 */
	public record Step(Agency agency, int limit, Unit unit, String source, String task, List<String> processes) {

		public Step {
			processes = processes == null ? List.of() : List.copyOf(processes);
			agency = agency != null ? agency : Agency.HPF;
			unit = unit != null ? unit : Unit.WORKING_DAYS;
			if (limit < 0) {
				throw new IllegalArgumentException("A step's limit must not be negative");
			}
		}

		/** The step's id in the model: {@link #task}, or the entry's name. */
		String taskOr(String entryName) {
			return this.task != null && !this.task.isBlank() ? this.task : entryName;
		}

	}

	/**
	 * A span of a case.
	 * @param id its id, e.g. {@code approval-to-disbursement}
	 * @param name its name, e.g. 审批至放款
	 * @param services the services whose cases have it; none named means every service, also one registered later
	 * @param variants of those, only the cases of these variants (a bundle's code); none named means every variant
	 * @param agency whose clock it is
	 * @param from the history action that starts it ({@code ACCEPTED}; {@code ACTION:STATUS} to require the status the
	 * line left the case in, as in {@code APPROVAL_DECIDED:APPROVED})
	 * @param to the actions that stop it, counted against the limit ({@code DISBURSED})
	 * @param cancelledBy the actions that end it without counting (the case was refused or withdrawn)
	 * @param limit how many units
	 * @param unit the unit
	 * @param pauseWhileAwaitingCitizen the clock stops while the case waits for the citizen (补正)
	 * @param excluding stretches not counted, each from one action to another (another agency's part)
	 * @param source where the limit comes from
	 */
	public record Span(String id, String name, List<ServiceType> services, List<String> variants, Agency agency,
			String from, List<String> to,
			List<String> cancelledBy, int limit, Unit unit, boolean pauseWhileAwaitingCitizen, List<Stretch> excluding,
			String source) {

		public Span {
			if (id == null || id.isBlank() || from == null || to == null || to.isEmpty()) {
				throw new IllegalArgumentException("A span needs an id, a from and a to: " + id);
			}
			services = services == null ? List.of() : List.copyOf(services);
			variants = variants == null ? List.of() : List.copyOf(variants);
			agency = agency != null ? agency : Agency.HPF;
			cancelledBy = cancelledBy == null ? List.of() : List.copyOf(cancelledBy);
			unit = unit != null ? unit : Unit.WORKING_DAYS;
			excluding = excluding == null ? List.of() : List.copyOf(excluding);
			name = name == null ? id : name;
		}

		/** Whether cases of the service have this span: it names the service, or names none. */
		public boolean holdsFor(ServiceType service) {
			return this.services.isEmpty() || this.services.contains(service);
		}

		/** Whether cases of the service's variant have this span: it holds for the service and names the variant or none. */
		public boolean holdsFor(ServiceType service, java.util.Optional<String> variant) {
			return holdsFor(service) && (this.variants.isEmpty() || variant.filter(this.variants::contains).isPresent());
		}

	}

	/**
	 * A stretch of a case from one history action to another.
	 * @param from the action that starts it
	 * @param to the action that ends it
	 */
	public record Stretch(String from, String to) {
	}

}
