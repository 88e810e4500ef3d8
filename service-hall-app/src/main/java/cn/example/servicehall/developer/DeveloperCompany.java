package cn.example.servicehall.developer;

import java.util.List;

/**
 * A developer company (房地产开发企业) as the fund centre registered it.
 *
 * @param uscc 统一社会信用代码 (GB 32100), upper case
 * @param name 企业名称
 * @param status active, or suspended (its agents can submit nothing)
 * @param projects its projects, by code
 * @param agents the sign-in names of the agents who act for it, sorted
 */
public record DeveloperCompany(String uscc, String name, Status status, List<DeveloperProject> projects,
		List<String> agents) {

	public DeveloperCompany {
		projects = List.copyOf(projects);
		agents = List.copyOf(agents);
	}

	/** Whether the company's agents may act for it. */
	public enum Status {

		/** 正常 */
		ACTIVE,
		/** 暂停 (suspended by the fund centre) */
		SUSPENDED

	}

	public boolean active() {
		return this.status == Status.ACTIVE;
	}

}
