package cn.example.servicehall.documents.render;

/**
 * A borrower or co-borrower named in the contract.
 * @param role {@code 借款人} or {@code 共同借款人}
 * @param name {@code 张伟}
 * @param idNumber the full resident ID number
 * @param phone {@code 139 0391 2468}
 * @param address the address for notices (通讯地址); not printed when empty
 * @param employer the employer (工作单位); not printed when empty
 */
public record Borrower(String role, String name, String idNumber, String phone, String address, String employer) {
}
