/** The platform's money: how money is written (Yuan). */
@org.springframework.modulith.NamedInterface("money")
package cn.example.servicehall.platform.money;
