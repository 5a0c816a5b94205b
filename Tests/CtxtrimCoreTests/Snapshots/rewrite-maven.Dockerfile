FROM eclipse-temurin:21-jdk-jammy AS build
WORKDIR /app
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B dependency:go-offline
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B package -DskipTests

FROM eclipse-temurin:21-jre-jammy
WORKDIR /app
EXPOSE 8080
COPY --from=build /app/target/petstore-0.0.1-SNAPSHOT.jar /app/target/petstore-0.0.1-SNAPSHOT.jar
ENTRYPOINT ["java", "-jar", "target/petstore-0.0.1-SNAPSHOT.jar"]
