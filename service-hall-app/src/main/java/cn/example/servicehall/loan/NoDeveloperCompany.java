package cn.example.servicehall.loan;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.HallMessages;
import cn.example.servicehall.platform.web.ProblemException;

/** A developer agent whose account names no developer company cannot submit for one. */
public class NoDeveloperCompany extends ProblemException {

	public NoDeveloperCompany(String agent) {
		super(HttpStatus.FORBIDDEN, "no-developer-company",
				HallMessages.problem("problem.loan.no-developer-company", agent));
	}

}
