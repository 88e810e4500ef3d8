package cn.example.servicehall.identity;

/** The token claims the hall reads, as the realm's protocol mappers name them. */
public final class Claims {

	/** The user's hall groups, without paths: {@code ["hpf-approver"]}. */
	public static final String GROUPS = "groups";

	/** For a developer agent: the unified social credit code of their company. */
	public static final String DEVELOPER_COMPANY_ID = "developer_company_id";

	/**
	 * The branch (网点) a member of staff works at, by the centre's code ({@code JF}): a user attribute or an attribute
	 * of a group the user is in (the realm's {@code branch} mapper).
	 */
	public static final String BRANCH = "branch";

	/** The user's sign-in name, the hall's user id. */
	public static final String USERNAME = "preferred_username";

	/** The user's display name. */
	public static final String NAME = "name";

	private Claims() {
	}

}
