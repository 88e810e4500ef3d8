/** The platform's numbering: running numbers per day. */
@org.springframework.modulith.NamedInterface("numbering")
package cn.example.servicehall.platform.numbering;
