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
 */
public record CurrentOfficer(String id, String displayName, List<String> groups, Optional<String> developerCompanyId) {

	public CurrentOfficer {
		groups = List.copyOf(groups);
	}

	public boolean isIn(String group) {
		return this.groups.contains(group);
	}

}
