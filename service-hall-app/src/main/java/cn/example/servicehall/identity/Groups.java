package cn.example.servicehall.identity;

import java.util.List;

/**
 * The hall's groups: one per agency and post, {@code <agency>-<post>}. The same string is the Keycloak group, the
 * Spring Security authority and the BPMN candidate group, so that {@code hasAuthority("hpf-approver")} and
 * {@code camunda:candidateGroups="hpf-approver"} read the same.
 */
public final class Groups {

	/** 受理岗: the fund centre's acceptance clerk at the window. */
	public static final String HPF_ACCEPTANCE_CLERK = "hpf-acceptance-clerk";

	/** 初审岗: the fund centre's first reviewer. */
	public static final String HPF_FIRST_REVIEWER = "hpf-first-reviewer";

	/** 审批岗: the fund centre's approver. */
	public static final String HPF_APPROVER = "hpf-approver";

	/** 受托银行信贷员: the entrusted bank's loan officer. */
	public static final String BANK_LOAN_OFFICER = "bank-loan-officer";

	/** 不动产登记窗口: the real-estate registry's clerk. */
	public static final String REGISTRY_CLERK = "registry-clerk";

	/** 担保公司: the guarantor company's officer. */
	public static final String GUARANTOR_OFFICER = "guarantor-officer";

	/** 开发企业经办人: a developer sales office's agent. */
	public static final String DEVELOPER_AGENT = "developer-agent";

	/** 大厅管理人员: a hall manager. */
	public static final String HALL_MANAGER = "hall-manager";

	/** 系统管理员: a system administrator. */
	public static final String SYSTEM_ADMIN = "system-admin";

	/** 稽核岗: the fund centre's auditor, who reads the audit trail with citizens' ID numbers in full. */
	public static final String AUDITOR = "hpf-auditor";

	/** 网上办事大厅系统: the centre's online hall, filing citizens' applications (withdrawals) under its own client. */
	public static final String ONLINE_HALL = "online-hall";

	/** Every post that works cases from an inbox. */
	public static final List<String> CASE_POSTS = List.of(HPF_ACCEPTANCE_CLERK, HPF_FIRST_REVIEWER, HPF_APPROVER,
			BANK_LOAN_OFFICER, REGISTRY_CLERK, GUARANTOR_OFFICER);

	public static final List<String> ALL = List.of(HPF_ACCEPTANCE_CLERK, HPF_FIRST_REVIEWER, HPF_APPROVER,
			BANK_LOAN_OFFICER, REGISTRY_CLERK, GUARANTOR_OFFICER, DEVELOPER_AGENT, HALL_MANAGER, SYSTEM_ADMIN, ONLINE_HALL, AUDITOR);

	private Groups() {
	}

}
