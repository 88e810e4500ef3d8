package cn.example.servicehall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The integrated service hall (综合服务大厅) of a housing provident fund centre: one place, one case number and
 * ideally one visit for the fund centre, its entrusted bank, the real-estate registry and the guarantor.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = { "platform", "identity" })
public class ServiceHallApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServiceHallApplication.class, args);
	}

}
