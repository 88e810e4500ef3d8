package cn.example.servicehall.loan;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.ProblemException;

/** 四眼原则: the approver of a loan may be neither its acceptance clerk nor its first reviewer. */
public class FourEyesViolation extends ProblemException {

	public FourEyesViolation(String caseNo, String role) {
		super(HttpStatus.FORBIDDEN, "four-eyes", "不得审批本人经办的案件",
				"四眼原则：您是案件 " + caseNo + " 的" + role + "，不能再审批此案，请由其他审批岗人员审批。"
						+ " Four-eyes: you handled this case as " + role + " and may not approve it.");
	}

}
