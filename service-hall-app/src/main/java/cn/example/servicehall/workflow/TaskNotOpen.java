package cn.example.servicehall.workflow;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.ProblemException;

/** The case is not at the step the request is for (already done, not yet reached, or the case has ended). */
public class TaskNotOpen extends ProblemException {

	public TaskNotOpen(String caseNo, String taskName) {
		super(HttpStatus.CONFLICT, "task-not-open", "案件不在此环节",
				"案件 " + caseNo + " 当前不在“" + taskName + "”环节，可能已由他人办理或尚未流转到此。请刷新后查看案件进度。"
						+ " Case " + caseNo + " is not waiting for this step; reload the case to see where it stands.");
	}

}
