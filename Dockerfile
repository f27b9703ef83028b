# One image per app: docker build --build-arg APP=api (or APP=workers) .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG APP=api
RUN useradd --system --uid 10001 hopper
COPY --from=build /src/${APP}/target/hopper-${APP}-*-exec.jar /app/hopper.jar
COPY --from=build /src/LICENSE /src/NOTICE /app/
COPY --from=build /src/licenses /app/licenses
USER hopper
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/hopper.jar"]
