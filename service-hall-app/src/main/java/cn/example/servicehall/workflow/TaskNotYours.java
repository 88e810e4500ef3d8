package cn.example.servicehall.workflow;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.ProblemException;

/** The step belongs to another post, or another officer has claimed it. */
public class TaskNotYours extends ProblemException {

	private TaskNotYours(HttpStatus status, String type, String title, String detail) {
		super(status, type, title, detail);
	}

	public static TaskNotYours wrongPost(String taskName) {
		return new TaskNotYours(HttpStatus.FORBIDDEN, "wrong-post", "不属于您的岗位",
				"“" + taskName + "”不由您的岗位办理。This step belongs to another post.");
	}

	public static TaskNotYours claimedByOther(String taskName, String assignee) {
		return new TaskNotYours(HttpStatus.CONFLICT, "claimed-by-other", "已被他人认领",
				"“" + taskName + "”已由 " + assignee + " 认领，请联系其办理或请其退回。"
						+ " This step is claimed by " + assignee + ".");
	}

}
