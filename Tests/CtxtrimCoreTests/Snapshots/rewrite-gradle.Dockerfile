FROM gradle:8.10-jdk21 AS build
WORKDIR /home/gradle/ledger
COPY build.gradle.kts settings.gradle.kts ./
RUN --mount=type=cache,target=/root/.gradle \
    gradle dependencies --no-daemon --gradle-user-home /root/.gradle
COPY --chown=gradle:gradle . .
RUN --mount=type=cache,target=/root/.gradle \
    gradle bootJar --no-daemon --gradle-user-home /root/.gradle -x test
ENV JAVA_OPTS=""

FROM eclipse-temurin:21-jre
WORKDIR /home/gradle/ledger
EXPOSE 8080
ENV JAVA_OPTS=""
COPY --from=build /home/gradle/ledger/build/libs/ledger-1.2.0.jar /home/gradle/ledger/build/libs/ledger-1.2.0.jar
CMD ["java", "-jar", "build/libs/ledger-1.2.0.jar"]
