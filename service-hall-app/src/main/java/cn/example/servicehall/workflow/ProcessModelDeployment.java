package cn.example.servicehall.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN and DMN models shipped in the {@code processes} jar under fixed resource names
 * ({@code bpmn/loan/resale-loan.bpmn}), with duplicate filtering. The starter's own auto-deployment names a resource
 * by its absolute file path when it comes from a directory and by its bare file name when it comes from a jar, so
 * switching between {@code spring-boot:run} and {@code java -jar} would deploy new versions of unchanged models
 * (stack-notes §5). Here a restart in either mode deploys nothing unless a model changed, and then only that model.
 */
@Component
class ProcessModelDeployment extends AbstractProcessEnginePlugin {

	static final String DEPLOYMENT_NAME = "service-hall";

	private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployment.class);

	private static final List<String> MODEL_ROOTS = List.of("bpmn/", "dmn/");

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		Map<String, Resource> models = models();
		if (models.isEmpty()) {
			throw new IllegalStateException("No BPMN or DMN models found on the classpath: is the processes jar missing?");
		}
		DeploymentBuilder deployment = processEngine.getRepositoryService()
			.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(true);
		models.forEach((name, resource) -> {
			try (InputStream in = resource.getInputStream()) {
				deployment.addInputStream(name, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read model " + name, ex);
			}
		});
		DeploymentWithDefinitions deployed = deployment.deployWithResult();
		List<String> changed = new ArrayList<>();
		// the engine answers null, not an empty list, for a kind of model it did not deploy
		Optional.ofNullable(deployed.getDeployedProcessDefinitions())
			.ifPresent(list -> list.forEach(d -> changed.add(d.getKey() + " v" + d.getVersion())));
		Optional.ofNullable(deployed.getDeployedDecisionDefinitions())
			.ifPresent(list -> list.forEach(d -> changed.add(d.getKey() + " v" + d.getVersion())));
		log.info("Process models: {} found, {}", models.size(),
				changed.isEmpty() ? "all unchanged, nothing deployed" : "deployed " + changed);
	}

	/** Every model, keyed by its path below the classpath root, e.g. {@code dmn/loan/loan-eligibility.dmn}. */
	Map<String, Resource> models() {
		Map<String, Resource> models = new TreeMap<>();
		try {
			for (String root : MODEL_ROOTS) {
				String extension = root.substring(0, root.length() - 1);
				for (Resource base : this.resolver.getResources("classpath*:" + root)) {
					String baseUrl = base.getURL().toString();
					for (Resource model : this.resolver.getResources("classpath*:" + root + "**/*." + extension)) {
						String url = model.getURL().toString();
						if (url.startsWith(baseUrl)) {
							String name = root + url.substring(baseUrl.length());
							Resource previous = models.putIfAbsent(name, model);
							if (previous != null && !sameContent(previous, model)) {
								throw new IllegalStateException("Two different models on the classpath are both named "
										+ name + ": " + previous.getURL() + " and " + url);
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the process models", ex);
		}
		return models;
	}

	private static boolean sameContent(Resource a, Resource b) throws IOException {
		try (InputStream inA = a.getInputStream(); InputStream inB = b.getInputStream()) {
			return java.util.Arrays.equals(inA.readAllBytes(), inB.readAllBytes());
		}
	}

}
