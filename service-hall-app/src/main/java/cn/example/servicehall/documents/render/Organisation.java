package cn.example.servicehall.documents.render;

/**
 * An organisation that is a party to the contract: the fund centre (贷款人), the entrusted bank (受托银行), the
 * guarantor (保证人).
 * @param name {@code 中国建设银行股份有限公司焦作分行}
 * @param address its registered address (住所)
 * @param representative its legal representative or head (法定代表人/负责人)
 * @param phone {@code 0391-12329}
 */
public record Organisation(String name, String address, String representative, String phone) {
}
