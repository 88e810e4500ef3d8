package cn.example.servicehall.intake;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.ProblemException;

/** No such case, or none this user may see: both answer 404 so that other companies' cases stay invisible. */
public class CaseNotFound extends ProblemException {

	public CaseNotFound(String caseNo) {
		super(HttpStatus.NOT_FOUND, "case-not-found", "没有这个案件",
				"没有找到案件 " + caseNo + "，请核对办件编号。No case " + caseNo + " was found.");
	}

}
