package cn.example.servicehall.developer;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.example.servicehall.documents.Printable;
import cn.example.servicehall.intake.CreditCode;

/** What the fund centre enters about developers, shared by the API and the administration page. */
public final class DeveloperRequests {

	private DeveloperRequests() {
	}

	/**
	 * A company to register.
	 *
	 * @param uscc 统一社会信用代码 (GB 32100)
	 * @param name 企业名称
	 */
	public record NewCompany(
			@NotBlank(message = "{developer.uscc.required}") @CreditCode String uscc,
			@NotBlank(message = "{developer.name.required}") @Size(max = 100, message = "{developer.name.length}") String name) {
	}

	/**
	 * A registered company's name and status.
	 *
	 * @param name 企业名称
	 * @param status ACTIVE or SUSPENDED
	 */
	public record CompanyChange(
			@NotBlank(message = "{developer.name.required}") @Size(max = 100, message = "{developer.name.length}") String name,
			@NotNull(message = "{developer.status.required}") DeveloperCompany.Status status) {
	}

	/**
	 * A project with its pre-sale permit and escrow account.
	 *
	 * @param code the hall's short code, letters, digits and hyphens
	 * @param name 项目名称
	 * @param district 区县
	 * @param address 坐落
	 * @param presalePermitNo 预售许可证号
	 * @param permitIssuedOn 发证日期
	 * @param permitValidUntil 有效期至
	 * @param status ON_SALE or CLOSED (on sale when left out)
	 * @param escrowBank 监管银行
	 * @param escrowAccountNo 监管账户号: 8 to 32 digits
	 * @param escrowAccountName 监管账户户名
	 */
	public record Project(
			@NotBlank(message = "{developer.project.code.required}")
			@Pattern(regexp = "[A-Za-z0-9-]{2,30}", message = "{developer.project.code.format}") String code,
			@NotBlank(message = "{loan.project.required}") @Size(max = 100, message = "{loan.project.length}")
			@Printable(message = "{loan.project.unprintable}") String name,
			@NotBlank(message = "{developer.project.district.required}") @Size(max = 50, message = "{developer.project.district.length}") String district,
			@NotBlank(message = "{developer.project.address.required}") @Size(max = 200, message = "{developer.project.address.length}") String address,
			@NotBlank(message = "{developer.permit.required}") @Size(max = 60, message = "{developer.permit.length}") String presalePermitNo,
			@NotNull(message = "{developer.permit.issued.required}") LocalDate permitIssuedOn,
			@NotNull(message = "{developer.permit.valid-until.required}") LocalDate permitValidUntil,
			DeveloperProject.Status status,
			@NotBlank(message = "{developer.escrow.bank.required}") @Size(max = 100, message = "{developer.escrow.bank.length}") String escrowBank,
			@NotBlank(message = "{developer.escrow.account-no.required}")
			@Pattern(regexp = "(?:[0-9] ?){7,31}[0-9]", message = "{developer.escrow.account-no.format}") String escrowAccountNo,
			@NotBlank(message = "{developer.escrow.account-name.required}") @Size(max = 100, message = "{developer.escrow.account-name.length}") String escrowAccountName) {
	}

	/** @param username the agent's sign-in name */
	public record Agent(
			@NotBlank(message = "{developer.agent.required}")
			@Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "{developer.agent.format}") String username) {
	}

}
