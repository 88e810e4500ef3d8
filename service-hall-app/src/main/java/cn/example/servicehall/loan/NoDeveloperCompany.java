package cn.example.servicehall.loan;

import org.springframework.http.HttpStatus;

import cn.example.servicehall.platform.web.ProblemException;

/** A developer agent whose account names no developer company cannot submit for one. */
public class NoDeveloperCompany extends ProblemException {

	public NoDeveloperCompany(String agent) {
		super(HttpStatus.FORBIDDEN, "no-developer-company", "账号未关联开发企业",
				"账号 " + agent + " 没有关联开发企业，不能代为提交申请。请联系大厅管理员在统一身份认证中设置所属企业。"
						+ " This account is linked to no developer company.");
	}

}
