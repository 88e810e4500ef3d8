/**
 * 房地产开发企业: the developer companies whose sales offices submit new-house loan applications online, as data the
 * fund centre administers. A company (name, unified social credit code per GB 32100, active or suspended), its
 * projects (楼盘: district and address, the pre-sale permit 预售许可证 with its issue date and validity, on sale or
 * closed) each with the supervised escrow account (监管账户) a loan is paid into, and the agents who act for it (sign-in
 * name ↔ company). Who an agent says they act for comes from the token ({@code identity.Claims#DEVELOPER_COMPANY_ID},
 * a Keycloak group attribute); {@link cn.example.servicehall.developer.Developers#actingCompany} checks it against
 * these tables. Knows nothing of loans: {@code loan} uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Developer",
		allowedDependencies = { "platform", "platform :: web", "identity", "intake", "documents", "audit" })
package cn.example.servicehall.developer;
