package cn.example.servicehall.workflow;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/** The case is not at the step the request is for (already done, not yet reached, or the case has ended). */
public class TaskNotOpen extends ProblemException {

	public TaskNotOpen(String caseNo, String taskName) {
		super(HttpStatus.CONFLICT, "task-not-open", HallMessages.problem("problem.workflow.task-not-open", caseNo, taskName));
	}

}
