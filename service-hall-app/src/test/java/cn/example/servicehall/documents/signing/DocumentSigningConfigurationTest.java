package cn.example.servicehall.documents.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.example.servicehall.documents.signing.DocumentSigningSettings.KeyMode;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring wiring: defaults without any setting, the settings' names, keystore mode failing at start-up. */
class DocumentSigningConfigurationTest {

	@TempDir
	Path dir;

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DocumentSigningConfiguration.class)
		.withBean(Clock.class, () -> SigningFixtures.CLOCK);

	@Test
	void startsWithoutAnySetting() {
		this.context.run(context -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AgencyKeys.class)
				.hasSingleBean(DocumentFinisher.class)
				.hasSingleBean(SignatureVerifier.class);
			DocumentSigningSettings settings = context.getBean(DocumentSigningSettings.class);
			assertThat(settings.keys().mode()).isEqualTo(KeyMode.DEVELOPMENT);
			assertThat(settings.keys().directory().normalize()).isEqualTo(Path.of("data/keys"));
			assertThat(settings.signature().reason()).isEqualTo("电子证照签章");
			assertThat(settings.signature().size()).isZero();
			assertThat(settings.seal().font()).isEqualTo("classpath:document-templates/fonts/NotoSansSC-Regular-Seal.ttf");
			assertThat(settings.seal().opacity()).isEqualTo(0.85f);
			assertThat(settings.profile(Agency.HPF).name()).isEqualTo("焦作市住房公积金管理中心");
			assertThat(settings.profile(Agency.BANK).name()).isEqualTo("中国建设银行焦作分行");
		});
	}

	@Test
	void bindsTheSettingsAndFinishesADocumentTheVerifierAccepts() {
		this.context
			.withPropertyValues("servicehall.documents.keys.directory=" + this.dir,
					"servicehall.documents.agencies.bank.name=中国建设银行股份有限公司焦作分行",
					"servicehall.documents.agencies.registry.seal-text=不动产登记专用章",
					"servicehall.documents.signature.reason=电子证照签章（测试）")
			.run(context -> {
				DocumentSigningSettings settings = context.getBean(DocumentSigningSettings.class);
				assertThat(settings.profile(Agency.BANK))
					.isEqualTo(new AgencyProfile("中国建设银行股份有限公司焦作分行", "焦作市", "业务专用章"));
				assertThat(settings.profile(Agency.REGISTRY).sealText()).isEqualTo("不动产登记专用章");
				DocumentMetadata metadata = SigningFixtures.metadata(Agency.BANK);

				byte[] signed = context.getBean(DocumentFinisher.class)
					.finish(SigningFixtures.samplePdf(1), Agency.BANK,
							SigningFixtures.verificationUrl(metadata.documentNumber()), metadata);

				VerificationResult result = context.getBean(SignatureVerifier.class).verify(signed);
				assertThat(result.valid()).as(result.detail()).isTrue();
				assertThat(result.agency()).isEqualTo(Agency.BANK);
				assertThat(result.signerName()).isEqualTo("中国建设银行股份有限公司焦作分行");
				assertThat(this.dir.resolve("dev-ca.pem")).exists();
			});
	}

	@Test
	void failsToStartInKeystoreModeWithoutAKeystore() {
		this.context
			.withPropertyValues("servicehall.documents.keys.mode=keystore",
					"servicehall.documents.keys.directory=" + this.dir)
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("servicehall.documents.keys.keystore")
					.hasMessageContaining("refusing to generate");
				assertThat(Files.list(this.dir)).isEmpty();
			});
	}

	@Test
	void namesAMissingSealFontOnTheFirstDocument() {
		this.context
			.withPropertyValues("servicehall.documents.keys.directory=" + SigningFixtures.sharedKeyDirectory(),
					"servicehall.documents.seal.font=classpath:no/such/font.ttf")
			.run(context -> {
				assertThat(context).hasNotFailed();
				DocumentMetadata metadata = SigningFixtures.metadata(Agency.HPF);
				org.assertj.core.api.Assertions
					.assertThatThrownBy(() -> context.getBean(DocumentFinisher.class)
						.finish(SigningFixtures.samplePdf(1), Agency.HPF,
								SigningFixtures.verificationUrl(metadata.documentNumber()), metadata))
					.hasMessageContaining("classpath:no/such/font.ttf")
					.hasMessageContaining("servicehall.documents.seal.font");
			});
	}

}
