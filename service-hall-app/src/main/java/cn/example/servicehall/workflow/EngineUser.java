package cn.example.servicehall.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine works for now: the officer whose request runs the step ({@link CaseTasks#asOfficer}), read without
 * the engine's internal types leaving this module.
 */
public final class EngineUser {

	private EngineUser() {
	}

	/** The id of the engine's authenticated user, or null when the engine works on its own (a job, a timer). */
	public static String id(IdentityService identity) {
		Authentication user = identity.getCurrentAuthentication();
		return user == null ? null : user.getUserId();
	}

}
