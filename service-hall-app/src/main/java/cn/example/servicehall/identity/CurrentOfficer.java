package cn.example.servicehall.identity;

import java.util.List;
import java.util.Optional;

/**
 * The signed-in user as the rest of the hall sees it. Controllers take it as a parameter and never read tokens.
 *
 * @param id the stable user id (the engine's assignee and the actor in every status history)
 * @param displayName the name shown on pages and documents
 * @param groups the hall groups ({@link Groups}) the user belongs to
 * @param developerCompanyId for a developer agent, the unified social credit code of the company they act for
 * @param branch the branch (网点) the officer works at, when their account says so ({@link Claims#BRANCH}): the
 * branch of the cases they take in, whichever hall node serves the request
 */
public record CurrentOfficer(String id, String displayName, List<String> groups, Optional<String> developerCompanyId,
		Optional<String> branch) {

	public CurrentOfficer {
		groups = List.copyOf(groups);
	}

	/** An officer whose account names no branch. */
	public CurrentOfficer(String id, String displayName, List<String> groups, Optional<String> developerCompanyId) {
		this(id, displayName, groups, developerCompanyId, Optional.empty());
	}

	public boolean isIn(String group) {
		return this.groups.contains(group);
	}

}
