package cn.example.servicehall.workflow;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/** The step belongs to another post, or another officer has claimed it. */
public class TaskNotYours extends ProblemException {

	private TaskNotYours(HttpStatus status, String type, HallMessages.Text text) {
		super(status, type, text);
	}

	public static TaskNotYours wrongPost(String taskName) {
		return new TaskNotYours(HttpStatus.FORBIDDEN, "wrong-post", HallMessages.problem("problem.workflow.wrong-post", taskName));
	}

	public static TaskNotYours claimedByOther(String taskName, String assignee) {
		return new TaskNotYours(HttpStatus.CONFLICT, "claimed-by-other",
				HallMessages.problem("problem.workflow.claimed-by-other", taskName, assignee));
	}

}
