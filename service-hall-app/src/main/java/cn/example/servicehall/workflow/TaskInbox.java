package cn.example.servicehall.workflow;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.example.servicehall.identity.CurrentOfficer;
import cn.example.servicehall.intake.CaseFiles;
import cn.example.servicehall.intake.CaseNo;
import cn.example.servicehall.platform.web.DoneConcurrently;
import cn.example.servicehall.platform.web.ProblemException;

/** An officer's inbox: the open steps of their posts, claimed by them or by nobody yet, oldest due first, a page at a time. */
@Service
public class TaskInbox {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final CaseTasks caseTasks;

	private final ObjectProvider<TaskDueDates.Colours> colours;

	private final ObjectProvider<CaseDeadlines> deadlines;

	private final CaseFiles cases;

	TaskInbox(TaskService tasks, RuntimeService runtime, CaseTasks caseTasks, ObjectProvider<TaskDueDates.Colours> colours,
			ObjectProvider<CaseDeadlines> deadlines, CaseFiles cases) {
		this.cases = cases;
		this.colours = colours;
		this.deadlines = deadlines;
		this.tasks = tasks;
		this.runtime = runtime;
		this.caseTasks = caseTasks;
	}

	/**
	 * One open step.
	 * @param id the engine's task id
	 * @param step the step's id in the model ({@code Task_AcceptApplication})
	 * @param name the step's name
	 * @param caseNo the case it belongs to
	 * @param formKey the page that does it ({@code loan/accept-application})
	 * @param assignee who claimed it, if anyone
	 * @param created when the step opened
	 * @param due when it is due, if a limit applies
	 * @param sla the colour of its SLA clock now: GREEN, YELLOW (80 % of the limit used), RED (past it), SUSPENDED;
	 * null when it has no clock
	 * @param processInstanceId the process of the case's part it belongs to (ADR 0008)
	 * @param caseDue when the whole case is due, for a part of a bundle (一件事: the bundle's time limit, ADR 0009);
	 * null otherwise
	 */
	public record OpenTask(String id, String step, String name, String caseNo, String formKey, String assignee,
			Date created, Date due, String sla, String processInstanceId, Date caseDue) {
	}

	/**
	 * When whole cases are due, beyond their steps (a bundle's time limit), from whichever module keeps such limits:
	 * each case number that has one, with its deadline.
	 */
	public interface CaseDeadlines {

		Map<String, java.time.Instant> of(Collection<String> caseNumbers);

	}

	/**
	 * A page of an inbox and how many open steps it holds in all.
	 * @param items this page's steps, oldest due first
	 * @param total how many open steps in all
	 * @param page the page, from 0
	 * @param size the page's size
	 */
	public record InboxPage(List<OpenTask> items, long total, int page, int size) {
	}

	/** The longest page: what the inbox answered in one piece before it was paged. */
	public static final int MAX_PAGE_SIZE = 500;

	/**
	 * The most cases one page may be narrowed to ({@link #page}'s {@code caseNumbers}): a search looks among at most
	 * this many open cases, newest first, and the query stays bounded.
	 */
	public static final int MAX_CASES = 2000;

	/**
	 * The officer's open tasks on one case (the case page's steps), however long the officer's inbox is. Its reads
	 * share one read-only transaction, as {@link #page}'s do.
	 */
	@Transactional(readOnly = true)
	public List<OpenTask> openTasks(CurrentOfficer officer, CaseNo caseNo) {
		if (officer.groups().isEmpty()) {
			return List.of();
		}
		return lines(inboxOf(officer).processInstanceBusinessKey(caseNo.value()), 0, MAX_PAGE_SIZE);
	}

	/**
	 * One page of the officer's inbox: the open steps of their posts, claimed by them or by nobody yet, oldest due
	 * first (steps without a limit last), and how many there are in all.
	 * @param caseNumbers only the steps of these cases, if given (none: an empty page; at most {@link #MAX_CASES})
	 * @param page from 0; past the last page, an empty page
	 * @param size at most {@link #MAX_PAGE_SIZE}
	 */
	// one read-only transaction for the page's reads (the steps, their count, case numbers, clocks, deadlines): one
	// connection and one commit instead of one each (issue 16, docs/benchmarks.md)
	@Transactional(readOnly = true)
	public InboxPage page(CurrentOfficer officer, Optional<? extends Collection<String>> caseNumbers, int page, int size) {
		if (size < 1 || size > MAX_PAGE_SIZE || page < 0 || caseNumbers.map(Collection::size).orElse(0) > MAX_CASES) {
			throw new IllegalArgumentException("page " + page + ", size " + size);
		}
		if (officer.groups().isEmpty() || caseNumbers.isPresent() && caseNumbers.get().isEmpty()) {
			return new InboxPage(List.of(), 0, page, size);
		}
		TaskQuery query = inboxOf(officer);
		caseNumbers.ifPresent(numbers -> query.processInstanceBusinessKeyIn(numbers.toArray(String[]::new)));
		long first = (long) page * size;
		List<OpenTask> lines = first > Integer.MAX_VALUE ? List.of() : lines(query, (int) first, size);
		// a page that is not full and not past the end says how many there are: no count needed
		long total = lines.size() < size && (!lines.isEmpty() || page == 0) ? first + lines.size() : query.count();
		return new InboxPage(lines, total, page, size);
	}

	/** The open steps of the officer's posts: candidate-group matches leave out claimed tasks, so theirs come by assignee. */
	private TaskQuery inboxOf(CurrentOfficer officer) {
		return this.tasks.createTaskQuery()
			.or()
			.taskCandidateGroupIn(officer.groups())
			.taskAssignee(officer.id())
			.endOr()
			.active();
	}

	/** The query's tasks from {@code first}, oldest due first, with their case numbers and the colours of their clocks. */
	private List<OpenTask> lines(TaskQuery query, int first, int size) {
		List<Task> open = query.initializeFormKeys()
			.orderByDueDate()
			.asc()
			.orderByTaskCreateTime()
			.asc()
			.listPage(first, size);
		Map<String, String> numbers = caseNumbers(open);
		TaskDueDates.Colours clocks = this.colours.getIfAvailable();
		Map<String, String> colours = clocks == null ? Map.of() : clocks.ofTasks(open.stream().map(Task::getId).toList());
		CaseDeadlines limits = this.deadlines.getIfAvailable();
		Map<String, java.time.Instant> caseDue = limits == null || numbers.isEmpty() ? Map.of()
				: limits.of(java.util.Set.copyOf(numbers.values()));
		return open.stream()
			.map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
					numbers.get(t.getProcessInstanceId()), t.getFormKey(), t.getAssignee(), t.getCreateTime(),
					t.getDueDate(), colours.get(t.getId()), t.getProcessInstanceId(),
					java.util.Optional.ofNullable(caseDue.get(numbers.get(t.getProcessInstanceId()))).map(Date::from)
						.orElse(null)))
			.toList();
	}

	@Transactional
	public void claim(String taskId, CurrentOfficer officer) {
		Visible visible = task(taskId, officer);
		Task task = visible.task();
		if (!visible.candidate()) {
			throw TaskNotYours.wrongPost(task.getName());
		}
		try {
			this.caseTasks.asOfficer(officer, () -> {
				this.tasks.claim(taskId, officer.id());
				return null;
			});
		}
		catch (TaskAlreadyClaimedException ex) {
			throw TaskNotYours.claimedByOther(task.getName(), ex.getTaskAssignee());
		}
		catch (DoneConcurrently ex) {
			// two claims at once: the other officer's committed first
			Task now = this.tasks.createTaskQuery().taskId(taskId).singleResult();
			if (now != null && now.getAssignee() != null && !now.getAssignee().equals(officer.id())) {
				throw TaskNotYours.claimedByOther(now.getName(), now.getAssignee());
			}
			throw ex;
		}
	}

	@Transactional
	public void unclaim(String taskId, CurrentOfficer officer) {
		Task task = task(taskId, officer).task();
		if (task.getAssignee() == null) {
			return;
		}
		if (!task.getAssignee().equals(officer.id())) {
			throw TaskNotYours.claimedByOther(task.getName(), task.getAssignee());
		}
		this.caseTasks.asOfficer(officer, () -> {
			this.tasks.setAssignee(taskId, null);
			return null;
		});
	}

	/** A task the officer may see, and whether their post may do it: the task and its candidate links read once. */
	private record Visible(Task task, boolean candidate) {
	}

	private Visible task(String taskId, CurrentOfficer officer) {
		Task task;
		try {
			task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		}
		catch (NullValueException ex) {
			task = null;
		}
		boolean candidate = task != null && this.caseTasks.isCandidate(task, officer);
		if (task == null || !(candidate || officer.id().equals(task.getAssignee()))) {
			// a task of another post is as invisible as one that does not exist
			throw ProblemException.refusal(HttpStatus.NOT_FOUND, "task-not-found", "problem.workflow.task-not-found");
		}
		return new Visible(task, candidate);
	}

	/**
	 * The case number of each step's process: from the case file's parts (one indexed statement), and for a process
	 * that drives no part (none in the hall's own models, which attach each process as it starts) from the engine's
	 * business key. The engine's process-instance query expands every id through MyBatis' OGNL, a tenth of the hall's
	 * processor time at a busy counter (issue 16, docs/benchmarks.md).
	 */
	private Map<String, String> caseNumbers(List<Task> open) {
		Set<String> ids = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, String> numbers = new HashMap<>(this.cases.caseNumbersOfProcesses(ids));
		Set<String> others = ids.stream().filter(id -> !numbers.containsKey(id)).collect(Collectors.toSet());
		if (!others.isEmpty()) {
			this.runtime.createProcessInstanceQuery()
				.processInstanceIds(others)
				.list()
				.forEach(pi -> numbers.put(pi.getId(), pi.getBusinessKey() == null ? "" : pi.getBusinessKey()));
		}
		return numbers;
	}

}
