package cn.example.servicehall.audit;

/**
 * What an audit entry records. The Chinese names are the page's ({@code audit.action.*} in the messages).
 */
public enum AuditAction {

	/** 办件环节: a line of a case's history, from its creation to its completion (every agency's step, every note). */
	CASE_STEP,

	/** 查看办件: a case's page, record, schedule, materials list or clocks read. */
	CASE_VIEWED,

	/** 下载文书: a case's document or material downloaded. */
	DOCUMENT_DOWNLOADED,

	/** 查询办件: cases searched (by number, ID number, name). */
	CASES_SEARCHED,

	/** 导出数据: a dashboard export (CSV, Excel). */
	EXPORTED,

	/** 修改工作日历: a year of the working-day calendar entered or replaced. */
	CALENDAR_CHANGED,

	/** 修改开发企业: a developer company, project or agent registered, changed, suspended or reinstated. */
	DEVELOPER_CHANGED,

	/** 登录: an interactive sign-in to the pages. */
	SIGNED_IN,

	/** 退出: a sign-out. */
	SIGNED_OUT,

	/** 登录被拒: a sign-in or an API token refused. */
	SIGN_IN_REFUSED,

	/** 拒绝访问: a signed-in user refused a page or an endpoint their post may not use. */
	ACCESS_REFUSED,

	/**
	 * 引擎控制台操作: an administrator's operation on a case's process in the engine's console or REST API (a stopped
	 * step retried, a variable changed, a process moved, suspended or cancelled).
	 */
	ENGINE_OPERATION,

	/** 查阅审计日志: the audit trail searched or a day verified. */
	AUDIT_READ

}
