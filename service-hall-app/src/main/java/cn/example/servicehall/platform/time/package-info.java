/** The platform's time: the hall's clock and its development settings. */
@org.springframework.modulith.NamedInterface("time")
package cn.example.servicehall.platform.time;
