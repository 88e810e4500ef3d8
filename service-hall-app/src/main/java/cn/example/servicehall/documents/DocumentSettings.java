package cn.example.servicehall.documents;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What documents print about the hall and its agencies, and where their verification page is.
 *
 * @param publicBaseUrl the hall's public address; the QR code on each document points to {@code <this>/verify/<no>}
 * @param hall the service hall: its window, address and enquiry line
 * @param lender 贷款人: the fund centre
 * @param trusteeBank 受托银行
 * @param guarantor 保证人: the guarantor company
 * @param verificationsPerMinute how many files one client may check a minute at the public verification page
 */
@ConfigurationProperties("servicehall.documents")
public record DocumentSettings(@DefaultValue("http://localhost:8080") URI publicBaseUrl, @DefaultValue Hall hall,
		Organisation lender, Organisation trusteeBank, Organisation guarantor,
		@DefaultValue("20") int verificationsPerMinute) {

	/**
	 * Jiaozuo's organisations unless configured (development). Their names are the signing agencies' names
	 * ({@code servicehall.documents.agencies.*.name}), so that a contract names the party whose seal it carries.
	 */
	public DocumentSettings {
		lender = lender != null ? lender : new Organisation("焦作市解放区人民路 1000 号", "王建华", "0391-12329");
		trusteeBank = trusteeBank != null ? trusteeBank : new Organisation("焦作市解放区民主路 66 号", "李明", "0391-95533");
		guarantor = guarantor != null ? guarantor
				: new Organisation("焦作市山阳区丰收路 18 号", "赵立新", "0391-3598800");
	}

	/**
	 * @param name the hall's name
	 * @param window the window that issues documents
	 * @param address where the hall is
	 * @param enquiryPhone 咨询电话
	 */
	public record Hall(@DefaultValue("焦作市住房公积金综合服务大厅") String name, @DefaultValue("综合受理窗口") String window,
			@DefaultValue("焦作市解放区人民路 1000 号综合服务大厅一楼") String address, @DefaultValue("12329") String enquiryPhone) {
	}

	/**
	 * An organisation as the contract names it (its name is the signing agency's).
	 * @param address its address
	 * @param representative its legal representative (法定代表人)
	 * @param phone its phone
	 */
	public record Organisation(String address, String representative, String phone) {
	}

}
