package cn.example.servicehall.documents.render;

import java.math.BigDecimal;
import java.util.List;

import cn.example.servicehall.documents.AmountInWords;

/**
 * A realistic filled record for every template, for tests, the render benchmark and anyone previewing a template
 * with data: one resale-loan case, {@code DK2026112300001}, of 张伟 and his wife 李娜 buying 王强's flat with a
 * 600,000.00 yuan loan over 240 months at 2.60 %, 等额本息, repaid on the 20th (domain.md §2, §3: payment
 * 3,208.73, schedule interest 170,094.63), and one withdrawal of 张伟's. The people, numbers and addresses are
 * invented; the ID numbers have valid check characters.
 */
public final class SampleDocuments {

	public static final String AGENCY = "焦作市住房公积金管理中心";

	public static final String CASE_NO = "DK2026112300001";

	public static final String BORROWER = "张伟";

	public static final String CO_BORROWER = "李娜";

	public static final String SELLER = "王强";

	public static final String LOAN_AMOUNT = "600,000.00";

	public static final String CONTRACT_NO = "HT2026120800015";

	public static final String IOU_NO = "JJ2026121800015";

	private static final String VERIFY = "https://gjj.example.cn/v/";

	private static final String HALL_ADDRESS = "焦作市解放区人民路1268号 市民之家二楼住房公积金服务大厅";

	private static final String PHONE = "12329";

	private static final String BORROWER_ID = "410802198803150037";

	private static final String BORROWER_ID_MASKED = "4108**********0037";

	private static final String CO_BORROWER_ID = "410803199006220048";

	private static final String SERVICE = "二手房住房公积金个人贷款";

	private static final String BANK = "中国建设银行股份有限公司焦作分行";

	private static final String REPAYMENT_ACCOUNT = "6217 0023 7000 1586 432";

	private static final String REPAYMENT_BANK = "中国建设银行焦作人民路支行";

	private static final String PAYEE_ACCOUNT = "6228 4806 6812 3456 719";

	private static final String PAYEE_BANK = "中国农业银行焦作解放支行";

	private SampleDocuments() {
	}

	/** The sample for {@code id}. */
	public static DocumentData of(TemplateId id) {
		return switch (id) {
			case ACCEPTANCE_RECEIPT -> acceptanceReceipt();
			case MISSING_MATERIALS_NOTICE -> missingMaterialsNotice();
			case COMPLETION_RECEIPT -> completionReceipt();
			case REFUSAL_RECEIPT -> refusalReceipt();
			case LOAN_CONTRACT -> loanContract();
			case IOU -> iou();
			case DISBURSEMENT_NOTICE -> disbursementNotice();
			case WITHDRAWAL_RECEIPT -> withdrawalReceipt();
			case ACCOUNT_CLOSING_CERTIFICATE -> accountClosingCertificate();
			case OFFSET_AGREEMENT -> offsetAgreement();
		};
	}

	public static AcceptanceReceiptData acceptanceReceipt() {
		String no = "SL2026112500001";
		return new AcceptanceReceiptData(no, AGENCY, CASE_NO, "2026年11月25日", VERIFY + no, SERVICE, BORROWER,
				BORROWER_ID_MASKED, "139****2468", "2026年11月25日 10:15", "综合服务大厅 5号窗口", "刘洋", "10个工作日",
				"2026年12月9日",
				List.of(new MaterialRow("1", "个人住房公积金贷款申请表", "原件", "1份"),
						new MaterialRow("2", "借款人及配偶居民身份证", "原件及复印件", "各1份"),
						new MaterialRow("3", "结婚证", "原件及复印件", "1份"),
						new MaterialRow("4", "二手房买卖合同（经网签备案）", "原件", "1份"),
						new MaterialRow("5", "首付款收据或银行转账凭证", "原件及复印件", "1份"),
						new MaterialRow("6", "出卖人不动产权证书", "复印件", "1份"),
						new MaterialRow("7", "借款人及配偶近六个月银行流水", "原件", "各1份")),
				List.of(), PHONE, HALL_ADDRESS);
	}

	public static MissingMaterialsNoticeData missingMaterialsNotice() {
		String no = "GZ2026112300001";
		return new MissingMaterialsNoticeData(no, AGENCY, CASE_NO, "2026年11月23日", VERIFY + no, BORROWER,
				BORROWER_ID_MASKED, SERVICE, "2026年11月23日",
				List.of(new MissingMaterialRow("1", "结婚证", "借款人已婚，须提供民政部门颁发的结婚证原件及复印件一份；结婚证遗失的，提供婚姻登记机关出具的婚姻登记记录证明"),
						new MissingMaterialRow("2", "首付款收据或银行转账凭证",
								"出卖人王强出具的首付款收据原件，或借款人向出卖人账户转账的银行凭证，金额应与买卖合同约定的首付款一致"),
						new MissingMaterialRow("3", "借款人配偶近六个月银行流水", "共同借款人李娜工资发放账户近六个月的银行流水，须加盖银行业务章")),
				"2026年12月23日", "综合服务大厅 5号窗口", "刘洋", PHONE, HALL_ADDRESS);
	}

	public static CompletionReceiptData completionReceipt() {
		String no = "BJ2026121800001";
		return new CompletionReceiptData(no, AGENCY, CASE_NO, "2026年12月18日", VERIFY + no, BORROWER,
				BORROWER_ID_MASKED, SERVICE, "2026年11月25日", "2026年12月18日", "准予贷款，贷款已发放",
				List.of(new DetailRow("借款合同编号", CONTRACT_NO), new DetailRow("借款借据编号", IOU_NO),
						new DetailRow("借款金额", LOAN_AMOUNT + " 元（" + words("600000.00") + "）"),
						new DetailRow("借款期限", "240个月"), new DetailRow("年利率", "2.60%"),
						new DetailRow("放款日期", "2026年12月18日"), new DetailRow("首次还款日", "2027年1月20日"),
						new DetailRow("抵押登记证明号", "豫（2026）焦作市不动产证明第0031876号")),
				List.of(new NoteRow("请妥善保管本回执及借款合同、借款借据和放款通知书。"),
						new NoteRow("请自首次还款日起，于每月还款日前在还款账户中存足当期应还款额，按时足额还款；逾期的，将按借款合同计收罚息，并影响个人信用记录。"),
						new NoteRow("提前还款、以住房公积金按月冲还贷款本息等手续，请咨询本中心或受托银行；贷款还清后，请持结清证明办理抵押注销登记。")),
				"陈静", PHONE);
	}

	public static RefusalReceiptData refusalReceipt() {
		String no = "BY2026121000001";
		return new RefusalReceiptData(no, AGENCY, CASE_NO, "2026年12月10日", VERIFY + no, BORROWER, BORROWER_ID_MASKED,
				SERVICE, "2026年11月25日", "2026年12月10日",
				List.of(new ReasonRow("1", "不符合贷款条件：房龄与贷款期限之和 50 年，超过本市上限 40 年"),
						new ReasonRow("2", "初审不通过：房龄超限，不予贷款")),
				"陈静", "综合服务大厅 5号窗口", HALL_ADDRESS, PHONE);
	}

	public static LoanContractData loanContract() {
		return new LoanContractData(CONTRACT_NO, AGENCY, CASE_NO, "2026年12月8日", VERIFY + CONTRACT_NO,
				"焦作市住房公积金管理中心综合服务大厅",
				List.of(new Borrower("借款人", BORROWER, BORROWER_ID, "139 0391 2468", "焦作市山阳区塔南路融创小区6号楼2单元501室",
						"焦作市第一人民医院"),
						new Borrower("共同借款人", CO_BORROWER, CO_BORROWER_ID, "137 8251 0936",
								"焦作市山阳区塔南路融创小区6号楼2单元501室", "焦作市实验小学")),
				new Organisation(AGENCY, "焦作市解放区人民路1268号", "赵建国", "0391-12329"),
				new Organisation(BANK, "焦作市解放区民主南路18号", "孙立军", "0391-3567890"),
				new Organisation("焦作市住房置业融资担保有限公司", "焦作市山阳区丰收路336号", "周文斌", "0391-2926688"),
				"焦作市解放区焦东南路锦绣花园3号楼1单元1202室", "豫（2019）焦作市不动产权第0012345号", "96.45",
				"1,050,000.00", SELLER, LOAN_AMOUNT, words("600000.00"), "240", "五年以上首套个人住房公积金贷款利率", "2.60%",
				"2.1667‰", "3.90%", "等额本息", "20", "3,208.73",
				List.of(new ScheduleRow("1", "2027年1月20日", "3,208.73", "1,908.73", "1,300.00", "598,091.27"),
						new ScheduleRow("2", "2027年2月20日", "3,208.73", "1,912.87", "1,295.86", "596,178.40"),
						new ScheduleRow("3", "2027年3月20日", "3,208.73", "1,917.01", "1,291.72", "594,261.39"),
						new ScheduleRow("240（末期）", "2046年12月20日", "3,208.16", "3,201.22", "6.94", "0.00")),
				"770,094.63", LOAN_AMOUNT, "170,094.63", REPAYMENT_ACCOUNT, REPAYMENT_BANK, SELLER, PAYEE_ACCOUNT,
				PAYEE_BANK);
	}

	public static IouData iou() {
		return new IouData(IOU_NO, BANK, CASE_NO, "2026年12月18日", VERIFY + IOU_NO, CONTRACT_NO, BORROWER,
				BORROWER_ID, CO_BORROWER, "41050162370012026000158", LOAN_AMOUNT, words("600000.00"), "2.60%", "240",
				"2026年12月18日", "2046年12月20日", "等额本息", "20", "3,208.73", REPAYMENT_ACCOUNT, REPAYMENT_BANK, SELLER,
				PAYEE_ACCOUNT, PAYEE_BANK, AGENCY);
	}

	public static DisbursementNoticeData disbursementNotice() {
		String no = "FK2026121800015";
		return new DisbursementNoticeData(no, BANK, CASE_NO, "2026年12月18日", VERIFY + no, BORROWER + "、" + CO_BORROWER,
				CONTRACT_NO, IOU_NO, LOAN_AMOUNT, words("600000.00"), "2026年12月18日", SELLER,
				"6228 **** **** 3456 719", PAYEE_BANK, AGENCY, "2.60%", "240", "等额本息", "3,208.73", "2027年1月20日", "20",
				"6217 **** **** 1586 432", REPAYMENT_BANK, "抵押登记证明", "豫（2026）焦作市不动产证明第0031876号", "0391-3567890", PHONE);
	}

	public static WithdrawalReceiptData withdrawalReceipt() {
		String no = "TQ2026112300021";
		return new WithdrawalReceiptData(no, AGENCY, "TQ2026112300007", "2026年11月23日", VERIFY + no, BORROWER,
				BORROWER_ID_MASKED, "410800123456789", "焦作市第一人民医院", "购买自住住房", "85,320.50", words("85320.50"),
				"提取金额已划转至您指定的银行账户", "96,874.20", "11,553.70", REPAYMENT_BANK, "6217 **** **** 1586 432",
				"2026年11月24日", "综合服务大厅 8号窗口",
				"王芳", PHONE);
	}

	public static AccountClosingCertificateData accountClosingCertificate() {
		String no = "XH2026120700003";
		return new AccountClosingCertificateData(no, AGENCY, "TQ2026120700011", "2026年12月7日", VERIFY + no, BORROWER,
				BORROWER_ID_MASKED, "410800123456789", "焦作市第一人民医院", "离休、退休", "2026年12月7日", "126,874.20",
				"1,023.55", "127,897.75", words("127897.75"), REPAYMENT_BANK, "6217 **** **** 1586 432", "王芳", PHONE);
	}

	public static OffsetAgreementData offsetAgreement() {
		String no = "WT2026120700003";
		return new OffsetAgreementData(no, AGENCY, "TQ2026120700011", "2026年12月7日", VERIFY + no, BORROWER,
				BORROWER_ID_MASKED, "410800123456789", "JK2026000123", AGENCY, "3,208.73", words("3208.73"), "每月20日",
				"2027年1月", "2046年12月", "综合服务大厅", "王芳", PHONE);
	}

	private static String words(String yuan) {
		return AmountInWords.of(new BigDecimal(yuan));
	}

}
