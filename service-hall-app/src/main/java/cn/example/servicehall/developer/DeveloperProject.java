package cn.example.servicehall.developer;

import java.time.LocalDate;

/**
 * A project (楼盘) of a developer company.
 *
 * @param id the hall's id
 * @param code the hall's short code (FZ-BJHY), unique
 * @param companyUscc whose project
 * @param name 项目名称
 * @param district 区县
 * @param address 坐落
 * @param presalePermitNo 预售许可证号
 * @param permitIssuedOn 发证日期
 * @param permitValidUntil 有效期至 (inclusive)
 * @param status on sale or closed
 * @param escrow the supervised escrow account (监管账户) a loan is paid into
 */
public record DeveloperProject(long id, String code, String companyUscc, String name, String district, String address,
		String presalePermitNo, LocalDate permitIssuedOn, LocalDate permitValidUntil, Status status,
		EscrowAccount escrow) {

	/** Whether units of the project are sold. */
	public enum Status {

		/** 在售 */
		ON_SALE,
		/** 停售 */
		CLOSED

	}

	/**
	 * 预售资金监管账户.
	 *
	 * @param bank 开户银行
	 * @param accountNo 账号, digits
	 * @param accountName 户名
	 */
	public record EscrowAccount(String bank, String accountNo, String accountName) {
	}

	/** Whether the pre-sale permit is in force on the day. */
	public boolean permitValidOn(LocalDate day) {
		return !day.isBefore(this.permitIssuedOn) && !day.isAfter(this.permitValidUntil);
	}

}
