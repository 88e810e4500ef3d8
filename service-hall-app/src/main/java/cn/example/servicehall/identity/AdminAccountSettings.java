package cn.example.servicehall.identity;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's account that signs in to the hall and its consoles until Keycloak takes over sign-in.
 * There is no default password: set {@code SERVICEHALL_ADMIN_PASSWORD}, or the hall generates one on first start
 * and keeps it in {@code passwordFile} (readable by its owner only).
 *
 * @param username the account name
 * @param password the password, from the environment or a secret store; empty means "use the password file"
 * @param passwordFile where a generated password is kept
 * @param groups the hall groups the account holds
 */
@ConfigurationProperties("servicehall.admin")
public record AdminAccountSettings(@DefaultValue("admin") String username, String password,
		@DefaultValue("./data/admin-password") Path passwordFile,
		@DefaultValue({ "system-admin", "hall-manager", "hpf-acceptance-clerk" }) List<String> groups) {
}
