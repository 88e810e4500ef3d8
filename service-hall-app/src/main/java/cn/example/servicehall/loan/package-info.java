/**
 * 公积金贷款: resale (二手房) and new-house loans, from the application through review, contract, mortgage
 * registration and disbursement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loan",
		allowedDependencies = { "platform", "platform :: idempotency", "platform :: money", "platform :: numbering",
				"platform :: web", "identity", "agencies", "documents", "documents :: render", "documents :: signing", "intake",
				"workflow", "developer", "booking" })
package cn.example.servicehall.loan;
