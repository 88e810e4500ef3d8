package cn.example.servicehall.workflow;

import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;

import org.springframework.stereotype.Component;

/**
 * Users and groups live in the identity provider (Keycloak), not in the engine. The engine's identity service is
 * therefore read-only and knows nobody: the consoles offer no "create the first administrator" page and no user
 * administration that would drift from Keycloak. Who acts is still recorded: the hall sets the signed-in user and
 * their groups as the engine's authentication for every call.
 */
@Component
class KeycloakOwnsIdentities extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return ReadOnlyIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new NobodyKnown();
			}
		});
	}

	static final class NobodyKnown implements ReadOnlyIdentityProvider {

		@Override
		public User findUserById(String userId) {
			return null;
		}

		@Override
		public UserQuery createUserQuery() {
			return new NoUsers();
		}

		@Override
		public UserQuery createUserQuery(CommandContext commandContext) {
			return new NoUsers();
		}

		@Override
		public NativeUserQuery createNativeUserQuery() {
			throw new UnsupportedOperationException("Users are kept in Keycloak");
		}

		@Override
		public boolean checkPassword(String userId, String password) {
			return false;
		}

		@Override
		public Group findGroupById(String groupId) {
			return null;
		}

		@Override
		public GroupQuery createGroupQuery() {
			return new NoGroups();
		}

		@Override
		public GroupQuery createGroupQuery(CommandContext commandContext) {
			return new NoGroups();
		}

		@Override
		public Tenant findTenantById(String tenantId) {
			return null;
		}

		@Override
		public TenantQuery createTenantQuery() {
			return new NoTenants();
		}

		@Override
		public TenantQuery createTenantQuery(CommandContext commandContext) {
			return new NoTenants();
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

	static final class NoUsers extends UserQueryImpl {

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<User> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}

	}

	static final class NoGroups extends GroupQueryImpl {

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<Group> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}

	}

	static final class NoTenants extends TenantQueryImpl {

		@Override
		public long executeCount(CommandContext commandContext) {
			return 0;
		}

		@Override
		public List<Tenant> executeList(CommandContext commandContext, Page page) {
			return List.of();
		}

	}

}
