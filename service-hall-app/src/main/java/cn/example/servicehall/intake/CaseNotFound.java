package cn.example.servicehall.intake;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;
import cn.example.servicehall.platform.web.Problems;

/** No such case, or none this user may see: both answer 404 so that other companies' cases stay invisible. */
public class CaseNotFound extends ProblemException {

	public CaseNotFound(String caseNo) {
		super(HttpStatus.NOT_FOUND, "case-not-found",
				HallMessages.problem("problem.intake.case-not-found", Problems.shown(caseNo)));
	}

}
