package cn.example.servicehall.loan;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/** 四眼原则: the approver of a loan may be neither its acceptance clerk nor its first reviewer. */
public class FourEyesViolation extends ProblemException {

	public FourEyesViolation(String caseNo, String role) {
		super(HttpStatus.FORBIDDEN, "four-eyes", HallMessages.problem("problem.loan.four-eyes", caseNo, role));
	}

}
