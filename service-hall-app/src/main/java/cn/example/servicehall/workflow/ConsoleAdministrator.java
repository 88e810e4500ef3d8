package cn.example.servicehall.workflow;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.example.servicehall.identity.AdminAccountSettings;

/**
 * Records the hall's operator in the engine's user table as a {@code camunda-admin}, so that the consoles do not
 * offer their "create the first administrator" setup page to whoever opens them. The operator never signs in with
 * this record: sign-in is the hall's, and the password kept here is random and unknown.
 */
@Component
class ConsoleAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdministrator.class);

	private final IdentityService identity;

	private final AdminAccountSettings admin;

	ConsoleAdministrator(IdentityService identity, AdminAccountSettings admin) {
		this.identity = identity;
		this.admin = admin;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.identity.isReadOnly()) {
			return;
		}
		if (this.identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
			Group group = this.identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("Service Hall administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			this.identity.saveGroup(group);
		}
		String id = this.admin.username();
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setFirstName("Service Hall");
			user.setLastName("Administrator");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			user.setPassword(Base64.getEncoder().encodeToString(random));
			this.identity.saveUser(user);
			log.info("Recorded '{}' as console administrator", id);
		}
		if (this.identity.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			this.identity.createMembership(id, Groups.CAMUNDA_ADMIN);
		}
	}

}
